/* paycalc: the program. Everything happens in cli.c and the library. */
#include "paycalc/cli.h"

int main(int argc, char **argv)
{
    return pc_cli_main(argc, argv);
}
