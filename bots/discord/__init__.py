"""The Discord adapter (discord.py): interactions in, core calls, voice messages out."""
