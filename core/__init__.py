"""The voicebot core: everything that is not a chat platform."""
