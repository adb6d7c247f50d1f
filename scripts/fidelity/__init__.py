"""The fidelity evaluation of issue 10 (scripts/eval_fidelity.py): inputs, the adapter to the
project (ours.py), comparisons, detectors, audits, scoring and the report."""
