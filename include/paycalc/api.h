/*
 * What libpaycalc promises: the functions and variables declared in the
 * headers of include/paycalc/, and nothing else.
 *
 * The library is compiled with -fvisibility=hidden (CMakeLists.txt). Each
 * public header puts its declarations between PC_API_BEGIN and PC_API_END,
 * which give them default visibility: they are the symbols a shared build
 * of the library exports. The helpers declared in calc/ (the workbook's
 * cell toolkit in calc/write/xlsx/, the readers' internals) stay hidden:
 * the program and the tests, linked with the static library, still reach
 * them, but nothing outside does. docs/libpaycalc.exports lists every
 * exported symbol; scripts/check-exports.sh (the `exports` test) fails when
 * the built library exports anything else or misses one, so the surface
 * changes only on purpose.
 */
#ifndef PAYCALC_API_H
#define PAYCALC_API_H

#define PC_API_BEGIN _Pragma("GCC visibility push(default)")
#define PC_API_END _Pragma("GCC visibility pop")

#endif
