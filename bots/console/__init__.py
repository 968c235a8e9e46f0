"""The console adapter: the whole product in a terminal, no chat account needed."""
