// The five large sgemm products of one training batch of the wide MLP (784-512-512-10, batch 128),
// timed in one of several ways of using the two cores, and the core's peak FMA rate.
//
//   batch-products MODE [batches]
//
// MODE:
//   peak           one core's AVX-512 and AVX2 FMA throughput (GFLOP/s), no BLAS
//   one-thread     the five products one after the other, OpenBLAS at one thread
//   openblas       the same with OpenBLAS at two threads (what DietAudit does today)
//   columns        every product split by output columns over the caller and a spinning partner
//                  thread, OpenBLAS at one thread (like the split variants B/C in PERFORMANCE.md)
//   task-backward  forward products on two OpenBLAS threads; backward as task pairs on the partner
//                  and the caller with OpenBLAS at one thread: dW2 ‖ dX2, then dW1 by column halves
//   task-pairs     forward products split by columns as in `columns`, backward as in `task-backward`;
//                  OpenBLAS at one thread throughout
//
// Prints microseconds per batch (best of two passes over `batches` batches) and GFLOP/s.
// The products (row-major, as in Sources/Learning): forward Z1 = X·W1 (128×784 · 784×512) and
// Z2 = A1·W2 (128×512 · 512×512); backward dW2 = A1ᵀ·D2, dX2 = D2·W2ᵀ and dW1 = Xᵀ·D1. The 10-class
// layer's products (1 % of the work) are left out. Run by Benchmarks/blas/batch-products.sh.
#include <cblas.h>
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void openblas_set_num_threads(int threads);

enum { rows = 128, inputs = 784, hidden = 512, half = hidden / 2 };

static float *features, *weights1, *weights2, *activations1, *activations2, *deltas1, *deltas2;
static float *gradient1, *gradient2;

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

static float *matrix(long count) {
    float *values = aligned_alloc(64, sizeof(float) * count);
    for (long index = 0; index < count; index++) values[index] = (float)(rand() % 2001 - 1000) / 1000.0f;
    return values;
}

// --- The products; `part` 0 or 1 names a column half (or, for the backward pair, which product).

static void forward1(int part) {
    int offset = part * half;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, half, inputs, 1, features, inputs,
                weights1 + offset, hidden, 0, activations1 + offset, hidden);
}

static void forward2(int part) {
    int offset = part * half;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, half, hidden, 1, activations1, hidden,
                weights2 + offset, hidden, 0, activations2 + offset, hidden);
}

static void backwardPair(int part) {
    if (part == 0) {  // dW2 = A1ᵀ · D2
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, hidden, hidden, rows, 1, activations1, hidden,
                    deltas2, hidden, 0, gradient2, hidden);
    } else {  // dX2 = D2 · W2ᵀ
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, hidden, hidden, 1, deltas2, hidden,
                    weights2, hidden, 0, deltas1, hidden);
    }
}

static void backward2Columns(int part) {  // dW2 and dX2, each one column half
    int offset = part * half;
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, hidden, half, rows, 1, activations1, hidden,
                deltas2 + offset, hidden, 0, gradient2 + offset, hidden);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, half, hidden, 1, deltas2, hidden,
                weights2 + offset * hidden, hidden, 0, deltas1 + offset, hidden);
}

static void backward1(int part) {  // dW1 = Xᵀ · D1, one column half
    int offset = part * half;
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, inputs, half, rows, 1, features, inputs,
                deltas1 + offset, hidden, 0, gradient1 + offset, hidden);
}

static void wholeBatch(void) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, hidden, inputs, 1, features, inputs, weights1,
                hidden, 0, activations1, hidden);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, hidden, hidden, 1, activations1, hidden,
                weights2, hidden, 0, activations2, hidden);
    backwardPair(0);
    backwardPair(1);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, inputs, hidden, rows, 1, features, inputs, deltas1,
                hidden, 0, gradient1, hidden);
}

// --- A partner thread that polls a generation counter (busy for 4,000 looks, then yielding after
// each), runs part 1 of the posted section and reports it done; the caller runs part 0.

static void (*posted)(int);
static atomic_long generation, finished;

static void waitUntilChanged(atomic_long *counter, long from, int equal) {
    int looks = 0;
    while ((atomic_load(counter) == from) == equal) {
        if (++looks > 4000) sched_yield();
    }
}

static void *partner(void *unused) {
    (void)unused;
    long seen = 0;
    for (;;) {
        waitUntilChanged(&generation, seen, 1);
        seen = atomic_load(&generation);
        posted(1);
        atomic_store(&finished, seen);
    }
    return NULL;
}

static void onBothCores(void (*section)(int)) {
    posted = section;
    long next = atomic_load(&generation) + 1;
    atomic_store(&generation, next);
    section(0);
    waitUntilChanged(&finished, next, 0);
}

// --- Peak: twelve independent FMA chains per loop, so throughput, not latency, bounds it.

static void peak(void) {
    long loops = 200000000;
    double start = seconds();
    for (long loop = 0; loop < loops; loop++) {
        __asm__ volatile(
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm0\n vfmadd231ps %%zmm30, %%zmm31, %%zmm1\n"
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm2\n vfmadd231ps %%zmm30, %%zmm31, %%zmm3\n"
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm4\n vfmadd231ps %%zmm30, %%zmm31, %%zmm5\n"
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm6\n vfmadd231ps %%zmm30, %%zmm31, %%zmm7\n"
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm8\n vfmadd231ps %%zmm30, %%zmm31, %%zmm9\n"
            "vfmadd231ps %%zmm30, %%zmm31, %%zmm10\n vfmadd231ps %%zmm30, %%zmm31, %%zmm11\n" ::
                : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
                  "xmm11");
    }
    double wide = loops * 12 * 32 / (seconds() - start) / 1e9;
    start = seconds();
    for (long loop = 0; loop < loops; loop++) {
        __asm__ volatile(
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm0\n vfmadd231ps %%ymm14, %%ymm15, %%ymm1\n"
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm2\n vfmadd231ps %%ymm14, %%ymm15, %%ymm3\n"
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm4\n vfmadd231ps %%ymm14, %%ymm15, %%ymm5\n"
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm6\n vfmadd231ps %%ymm14, %%ymm15, %%ymm7\n"
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm8\n vfmadd231ps %%ymm14, %%ymm15, %%ymm9\n"
            "vfmadd231ps %%ymm14, %%ymm15, %%ymm10\n vfmadd231ps %%ymm14, %%ymm15, %%ymm11\n" ::
                : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
                  "xmm11");
    }
    double narrow = loops * 12 * 16 / (seconds() - start) / 1e9;
    printf("peak: AVX-512 %.1f GFLOP/s, AVX2 %.1f GFLOP/s per core\n", wide, narrow);
}

static void runBatches(const char *mode, int batches) {
    for (int batch = 0; batch < batches; batch++) {
        if (strcmp(mode, "one-thread") == 0 || strcmp(mode, "openblas") == 0) {
            wholeBatch();
        } else if (strcmp(mode, "columns") == 0 || strcmp(mode, "task-pairs") == 0) {
            onBothCores(forward1);
            onBothCores(forward2);
            if (strcmp(mode, "columns") == 0) {
                onBothCores(backward2Columns);
            } else {
                onBothCores(backwardPair);
            }
            onBothCores(backward1);
        } else {
            openblas_set_num_threads(2);
            forward1(0), forward1(1);
            forward2(0), forward2(1);
            openblas_set_num_threads(1);
            onBothCores(backwardPair);
            onBothCores(backward1);
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: batch-products peak|one-thread|openblas|columns|task-backward|task-pairs [batches]\n");
        return 2;
    }
    const char *mode = argv[1];
    if (strcmp(mode, "peak") == 0) {
        peak();
        return 0;
    }
    int batches = argc > 2 ? atoi(argv[2]) : 200;
    features = matrix(rows * inputs), weights1 = matrix(inputs * hidden), weights2 = matrix(hidden * hidden);
    activations1 = matrix(rows * hidden), activations2 = matrix(rows * hidden);
    deltas1 = matrix(rows * hidden), deltas2 = matrix(rows * hidden);
    gradient1 = matrix(inputs * hidden), gradient2 = matrix(hidden * hidden);
    openblas_set_num_threads(strcmp(mode, "openblas") == 0 ? 2 : 1);
    if (strcmp(mode, "one-thread") != 0 && strcmp(mode, "openblas") != 0) {
        pthread_t thread;
        pthread_create(&thread, NULL, partner, NULL);
    }
    double best = 1e30;
    for (int pass = 0; pass < 2; pass++) {
        double start = seconds();
        runBatches(mode, batches);
        double perBatch = (seconds() - start) / batches;
        if (perBatch < best) best = perBatch;
    }
    double flop = 2.0 * rows * (2.0 * inputs * hidden + 3.0 * hidden * hidden);
    printf("%s: %.0f us per batch, %.1f GFLOP/s\n", mode, best * 1e6, flop / best / 1e9);
    return 0;
}
