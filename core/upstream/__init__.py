"""The remote services: 302.AI's Higgs tasks, file hosting and transcription."""
