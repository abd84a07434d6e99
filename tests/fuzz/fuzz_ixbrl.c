/*
 * libFuzzer harness: see fuzz_ixbrl_body in fuzz_bodies.h for what the input
 * is. Built and run by tests/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_bodies.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ixbrl_body(data, size);
    return 0;
}
