"""Reference values for ImagePrepareTests (Tests/DatasetsTests/ImagePrepareTests.swift):
the standardisation of an N x F array with the training mean and standard
deviation of each value (a constant column keeps divisor 1).

Serves the test that prepares the 3 x 2 training array [[1,10],[3,10],[5,10]]
with the test row [7, 4] (the comment "numpy: x = np.array(...)" in it).

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/image_standardisation.py
Prints the standardised training rows, then the test row (tolerance 1e-6, float32).
"""
import numpy as np

x = np.array([[1, 10], [3, 10], [5, 10]], dtype=float)
m = x.mean(0)
s = x.std(0)
s[s == 0] = 1
print(((x - m) / s).tolist())
print(((np.array([7, 4]) - m) / s).tolist())
