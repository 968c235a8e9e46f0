"""Jobs: every request is a persisted job (`log`), waits its turn by one policy (`queue`) and is
run by the runner the composition root picked (`runners`)."""
