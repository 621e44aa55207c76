"""The fused timeline: fusion of the reports into tenures and events, questions about it, exports."""
