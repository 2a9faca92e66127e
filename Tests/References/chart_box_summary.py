# numpy 2.4: the five numbers of a chart's box plot (5th percentile, quartiles,
# median, 95th percentile; numpy's default linear interpolation), for
# ChartTests.boxSummaryMatchesNumpy.
import numpy as np

values = np.array([3.5, -1.0, 2.0, 8.0, 0.25, 4.0, 4.0, 10.0, 7.75, 1.0, float("nan")])
finite = values[np.isfinite(values)]
for q in [0.05, 0.25, 0.5, 0.75, 0.95]:
    print(q, repr(float(np.quantile(finite, q))))
