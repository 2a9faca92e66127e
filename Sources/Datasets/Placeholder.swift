// Stage Datasets.
