"""Reference values for WeightInitializationTests (numpy 2.4, scipy 1.17).

For a dense layer of fan-in n = 100:
- he_normal: std sqrt(2/n);
- torch (PyTorch nn.Linear default): U(-1/sqrt(n), 1/sqrt(n)) for weights and
  biases, std 1/sqrt(3n);
- lecun_normal (jax.nn.initializers.lecun_normal = variance_scaling(1.0,
  "fan_in", "truncated_normal")): a standard normal truncated to [-2, 2] times
  sqrt(1/n)/0.87962566103423978; std sqrt(1/n), bound 2*sqrt(1/n)/0.8796...,
  and P(|w| > sigma_base) where sigma_base = sqrt(1/n)/0.8796... equals
  P(|z| > 1 | |z| <= 2).
"""
import numpy as np
from scipy.stats import norm, truncnorm

n = 100
print("truncated std", truncnorm.std(-2, 2))  # 0.8796256610342398
print("he std", np.sqrt(2 / n))  # 0.1414213562373095
print("torch bound", 1 / np.sqrt(n), "std", 1 / np.sqrt(3 * n))  # 0.1, 0.05773502691896257
sigma = np.sqrt(1 / n) / truncnorm.std(-2, 2)
print("lecun base sigma", sigma, "bound", 2 * sigma)  # 0.11368472343385565, 0.2273694468677113
print("P(|z|>1 | |z|<=2)", (2 * norm.cdf(2) - 2 * norm.cdf(1)) / (2 * norm.cdf(2) - 1))  # 0.284767227989094
