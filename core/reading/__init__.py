"""Reading text in its own language: which language each sentence is in (`detect`), where
sentences end in each script (`sentences`), and numbers, money, dates, times and units read out
in that language (`numbers` for Latin and Cyrillic scripts, `cjk` for Chinese, Japanese and
Korean; their words in `words`). `core.text` puts them together."""
