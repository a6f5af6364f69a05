"""Demo data: a fictitious clinic entered through the services (load.py), from a pure plan (plan.py,
course.py, names.py). A layer above services: it calls the use cases as the window does.

Kept light on purpose (no imports here): the benchmarks' data generator uses the pure modules alone."""
