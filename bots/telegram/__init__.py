"""The Telegram adapter (python-telegram-bot): updates in, core calls, voice notes out."""
