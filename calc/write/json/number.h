/*
 * Internal: the one rule by which both JSON writers (the jansson tree of
 * util.c and the streaming writer of stream.c) spell an exact amount: an
 * integer when it is whole, else the double nearest to it, which prints as
 * the shortest decimal that reads back to it (util.h, PC_JSON_FLAGS).
 */
#ifndef PAYCALC_JSON_NUMBER_H
#define PAYCALC_JSON_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

typedef struct pc_json_number {
    bool whole;        /* print `integer`, else `real` */
    long long integer; /* the amount in whole units */
    double real;       /* the amount as a double */
} pc_json_number;

/* `amount` counted in 1/`scale` units: cents (100) or micros (1,000,000). */
static inline pc_json_number pc_json_number_of(int64_t amount, int64_t scale)
{
    pc_json_number n = {amount % scale == 0, (long long)(amount / scale),
                        (double)amount / (double)scale};
    return n;
}

#endif
