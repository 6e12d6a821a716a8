from scores unpivot (score for subject in (math, physics, art))
