# Builds the gzip'd IDX files timed by gzip-decode.sh (python3 with numpy 2.4; stdlib gzip at level 9,
# as MNIST's own files are).
#   digits-images-idx3-ubyte.gz: datasets/digits.csv's 1,797 8×8 images (pixel 0–16) as IDX ubyte.
#   mnist-like-idx3-ubyte.gz:    60,000 28×28 ubyte images (47,040,016 bytes, MNIST's train size):
#                                 each a digits image scaled ×16 to 0–255, upsampled 3× and placed at a
#                                 random offset on a 28×28 black canvas (seeded), so that the file has
#                                 MNIST's mostly-zero, smooth-stroke statistics. Compresses 15:1.
#   mnist-noisy-idx3-ubyte.gz:   the same images with uniform noise in [-4, 4] on every stroke pixel
#                                 (seeded); compresses 2.7:1. Real MNIST (train-images-idx3-ubyte.gz,
#                                 9.9 MB for 47 MB) compresses 4.8:1, between the two.
import gzip, struct, sys
import numpy as np

repo, out = sys.argv[1], sys.argv[2]
table = np.loadtxt(f"{repo}/datasets/digits.csv", delimiter=",", skiprows=1, dtype=np.int64)
digits = table[:, :64].astype(np.uint8).reshape(-1, 8, 8)

def write(name, images):
    header = struct.pack(">BBBBIII", 0, 0, 8, 3, *images.shape)
    with open(f"{out}/{name}", "wb") as handle:
        handle.write(gzip.compress(header + images.tobytes(), compresslevel=9, mtime=0))

write("digits-images-idx3-ubyte.gz", digits)
rng = np.random.default_rng(0)
count = 60_000
picks = rng.integers(0, len(digits), size=count)
offsets = rng.integers(0, 28 - 24 + 1, size=(count, 2))
big = np.kron(np.minimum(digits.astype(np.int64) * 16, 255), np.ones((3, 3), dtype=np.int64)).astype(np.uint8)
images = np.zeros((count, 28, 28), dtype=np.uint8)
for index in range(count):
    row, column = offsets[index]
    images[index, row:row + 24, column:column + 24] = big[picks[index]]
write("mnist-like-idx3-ubyte.gz", images)
noise = rng.integers(-4, 5, size=images.shape)
noisy = np.where(images > 0, np.clip(images.astype(np.int64) + noise, 1, 255), 0).astype(np.uint8)
write("mnist-noisy-idx3-ubyte.gz", noisy)
