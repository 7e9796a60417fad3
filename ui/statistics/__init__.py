"""The statistics section (issue 8): charts, the DOMAIN.md §6 indicators and the cases behind them, exports."""
