"""The Discord bot's own sentences, and its commands' names and descriptions, in the languages
beyond English and Chinese: one module per language (see `core.locales`)."""
