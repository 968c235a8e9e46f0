"""The Telegram bot's own sentences in the languages beyond English and Chinese: one module
per language, each a `TEXTS` table (see `core.locales`)."""
