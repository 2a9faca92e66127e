"""Reference forward passes of the dense network and the CNN (numpy, float64).

Serves:
- Tests/LearningTests/DenseNetworkTests.swift, forwardMatchesNumpy: logits and
  softmax probabilities of the [3, 4, 2] ReLU network with parameters
  p[i] = 0.1*((7i mod 11) - 5); layout W1 = p[0:12].reshape(3,4) (row = input),
  b1 = p[12:16], W2 = p[16:24].reshape(4,2), b2 = p[24:26];
- Tests/LearningTests/ConvolutionKernelTests.swift, forwardMatchesNumpy: logits
  and probabilities of the CNN on 4x5x2 inputs (height, width, channels; C
  order), one 3x3 convolution to 3 channels with zero padding 1, ReLU, 2x2 max
  pooling (the odd last column dropped), then a dense layer to 2 classes;
  parameters p[i] = 0.1*((7i mod 11) - 5), layout Wc = p[0:54].reshape(3,3,2,3)
  (kernel row, kernel column, input channel, output channel), bias p[54:57],
  dense W = p[57:81].reshape(12,2) over the pooled map flattened as
  (row, column, channel), bias p[81:83]; inputs x[i] = ((5i mod 13) - 6)/4 for
  two examples.

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/forward_networks.py
Test tolerances: absolute 1e-6 (dense), 1e-5 logits / 1e-6 probabilities (CNN);
the Swift networks compute in float32.
"""
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def parameters(count):
    return np.array([0.1 * ((i * 7) % 11 - 5) for i in range(count)])


print("# DenseNetworkTests.forwardMatchesNumpy: logits (row-major), probabilities")
p = parameters(26)
w1, b1, w2, b2 = p[0:12].reshape(3, 4), p[12:16], p[16:24].reshape(4, 2), p[24:26]
X = np.array([[1, -2, 0.5], [0, 3, -1]])
z = np.maximum(X @ w1 + b1, 0) @ w2 + b2
print([float(v) for v in z.ravel()])
print([float(v) for v in softmax(z).ravel()])

print("# ConvolutionKernelTests.forwardMatchesNumpy: logits (row-major), probabilities")
p = parameters(83)
wc, bc = p[0:54].reshape(3, 3, 2, 3), p[54:57]
wd, bd = p[57:81].reshape(12, 2), p[81:83]
inputs = np.array([((i * 5) % 13 - 6) / 4 for i in range(80)]).reshape(2, 4, 5, 2)
logits = []
for x in inputs:
    xp = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    a = np.zeros((4, 5, 3))
    for row in range(4):
        for column in range(5):
            a[row, column] = np.einsum("abc,abco->o", xp[row:row + 3, column:column + 3], wc) + bc
    a = np.maximum(a, 0)
    pooled = a[:4, :4].reshape(2, 2, 2, 2, 3).max(axis=(1, 3))
    logits.append(pooled.ravel() @ wd + bd)
logits = np.array(logits)
print([float(v) for v in logits.ravel()])
print([float(v) for v in softmax(logits).ravel()])
