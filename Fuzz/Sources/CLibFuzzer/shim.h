/// libFuzzer's driver, in libclang_rt.fuzzer (linked by `-sanitize=fuzzer`).
/// Runs the fuzzing loop with `callback` as the target, parsing libFuzzer's
/// command-line flags from argc/argv; returns the process exit code.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
