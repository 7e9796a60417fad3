"""Domain vocabulary and rules that hold regardless of storage or screen."""
