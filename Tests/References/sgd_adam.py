"""Reference optimiser steps, PyTorch's update rules transcribed to numpy float32.

Serves:
- Tests/LearningTests/SGDOptimizerTests.swift, twoStepsMatchNumpy: two SGD
  steps with momentum and weight decay (`torch.optim.SGD`, dampening 0, no
  Nesterov: d = g + wd*w; v = mu*v + d; w = w - lr*v), parameters and velocity
  after each step;
- Tests/LearningTests/AdamOptimizerTests.swift, withoutDecay and withDecay
  (threeStepsMatchTorchRuleWithoutWeightDecay / ...WithWeightDecay): three
  Adam steps (`torch.optim.Adam`, `_single_tensor_adam`, amsgrad off, L2 weight
  decay added to the gradient), (w, m, v) after each step.

PyTorch itself is not needed: this is a float32 numpy re-implementation of its
convention (bias corrections in Python doubles, as torch does for its scalar
step). torch forms m with `lerp`, which can differ in the last bit; the tests'
tolerances (1e-6, 1e-8 for v) allow for that.

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/sgd_adam.py
"""
import math

import numpy as np

f = np.float32


def sgd(w, grads, lr, mu, wd):
    w = np.array(w, dtype=f)
    v = np.zeros_like(w)
    lr, mu, wd = f(lr), f(mu), f(wd)
    for g in grads:
        d = np.array(g, dtype=f) + wd * w
        v = mu * v + d
        w = w - lr * v
        print("w", [float(x) for x in w], "v", [float(x) for x in v])


def adam(w, grads, lr, b1, b2, eps, wd):
    w = np.array(w, dtype=f)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2, eps, wd = f(lr), f(b1), f(b2), f(eps), f(wd)
    for t, g in enumerate(grads, start=1):
        g = np.array(g, dtype=f) + wd * w
        m = b1 * m + (f(1) - b1) * g
        v = b2 * v + (f(1) - b2) * g * g
        bc1 = 1 - float(b1) ** t
        bc2 = 1 - float(b2) ** t
        step_size = f(float(lr) / bc1)
        denom = np.sqrt(v) / f(math.sqrt(bc2)) + eps
        w = w - step_size * (m / denom)
        print(f"([{', '.join(repr(float(x)) for x in w)}],")
        print(f" [{', '.join(repr(float(x)) for x in m)}],")
        print(f" [{', '.join(repr(float(x)) for x in v)}]),")


print("# SGDOptimizerTests.twoStepsMatchNumpy: lr 0.1, momentum 0.9, weight decay 0.01")
sgd([1.0, -2.0, 0.5], [[0.5, 0.25, -1], [-0.2, 0.4, 0.3]], 0.1, 0.9, 0.01)

gradients = [[0.5, 0.25, -1, 0], [-0.2, 0.4, 0.3, 2], [0.1, -0.3, 0.05, -1.5]]
for name, decay in [("withoutDecay", 0.0), ("withDecay", 0.01)]:
    print(f"# AdamOptimizerTests.{name}: (w, m, v) after each step")
    adam([1, -2, 0.5, 0], gradients, 0.1, 0.9, 0.999, 1e-8, decay)
