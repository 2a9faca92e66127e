"""Reference values for Tests/AuditPipelineTests/TrainingRecordTests.swift:
scores computed from small hand-written training records with numpy.
Python 3.11.7, numpy 2.4.6. The fourth example of seed 1 is never learned: forgetting 3.

Records: 2 seeds, epochs 0..3 (first_epoch 0: slab 0 taken at initialisation),
5 examples, 3 classes; labels [0, 1, 2, 0, 1]. Definitions (docs/METRICS.md):
  el2n@t = ||softmax(z) - onehot(y)||_2 ; loss@t = logsumexp(z) - z_y
  margin@t = z_y - max_{c != y} z_c
  forgetting: over epochs 1..3, count correct -> wrong flips between
    consecutive epochs (argmax, first maximum); never correct -> 3 (last epoch)
  aum = mean margin over epochs 1..3
  confidence = mean p_y over epochs 1..3, variability = population std (ddof 0)

Prints each score as [seed 0 row, seed 1 row], pasted as HandRecords.expected
(Tests/AuditPipelineTests/HandRecords.swift, tolerance 1e-12); the logits below are
HandRecords.logits.
"""
import numpy as np

labels = np.array([0, 1, 2, 0, 1])
# seed 0 then seed 1; each epoch 0..3; each example a row of 3 logits.
logits = np.array([
    [[[0.1, 0.0, -0.1], [0.2, 0.1, 0.0], [0.0, 0.3, 0.1], [-0.2, 0.1, 0.0], [0.0, 0.0, 0.1]],
     [[1.0, 0.2, -0.5], [0.5, 0.4, 0.1], [0.2, 0.9, 0.3], [0.3, 0.6, -0.1], [0.1, 1.2, 0.0]],
     [[0.4, 1.1, -0.2], [0.1, 1.5, 0.2], [0.0, 0.2, 1.4], [1.3, 0.2, 0.1], [0.9, 0.3, 0.2]],
     [[2.0, 0.1, -1.0], [0.3, 2.2, 0.1], [-0.5, 0.1, 2.5], [0.2, 1.0, 0.4], [0.2, 2.1, 0.3]]],
    [[[0.0, 0.2, -0.2], [0.1, 0.0, 0.3], [0.2, 0.1, 0.0], [0.0, -0.1, 0.2], [0.3, 0.0, 0.1]],
     [[0.8, 0.1, 0.3], [0.2, 0.1, 0.9], [0.1, 0.2, 0.6], [0.1, 0.7, 0.0], [1.1, 0.2, 0.1]],
     [[1.5, -0.2, 0.1], [0.1, 1.2, 0.3], [0.9, 0.2, 0.4], [0.3, 1.2, -0.3], [0.2, 1.4, 0.0]],
     [[2.4, 0.0, -0.4], [0.0, 2.0, 0.5], [0.1, 0.0, 1.9], [0.1, 0.9, 0.2], [0.3, 0.4, 0.2]]],
])


def softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


onehot = np.eye(3)[labels]
probs = softmax(logits)
rows = np.arange(5)
el2n = np.linalg.norm(probs - onehot, axis=-1)            # [seed, epoch, example]
loss = np.log(np.exp(logits - logits.max(-1, keepdims=True)).sum(-1)) + logits.max(-1) - logits[..., rows, labels]
other = logits.copy()
other[..., rows, labels] = -np.inf
margin = logits[..., rows, labels] - other.max(-1)
correct = logits.argmax(-1) == labels                     # [seed, epoch, example]
trained = slice(1, 4)
forgetting = []
for s in range(2):
    c = correct[s, trained]
    flips = np.sum(c[:-1] & ~c[1:], axis=0).astype(float)
    flips[~c.any(axis=0)] = 3
    forgetting.append(flips)
aum = margin[:, trained].mean(axis=1)
p_true = probs[..., rows, labels]
confidence = p_true[:, trained].mean(axis=1)
variability = p_true[:, trained].std(axis=1)

np.set_printoptions(precision=17, floatmode="unique")
for name, value in [
    ("el2n@0", el2n[:, 0]), ("el2n@2", el2n[:, 2]), ("loss@1", loss[:, 1]), ("margin@3", margin[:, 3]),
    ("forgetting", np.array(forgetting)), ("aum", aum), ("confidence", confidence), ("variability", variability),
]:
    print(name, repr(value.tolist()))
