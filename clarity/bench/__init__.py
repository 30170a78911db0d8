"""The benchmark: `make bench` (python -m clarity.bench). See README, "Performance"."""
