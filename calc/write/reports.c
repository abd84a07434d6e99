/*
 * The reports as files (SPEC sections 1 and 14): each public writer of
 * write.h runs its writer inside one atomic output (paycalc/output.h), and
 * pc_write_reports commits report.json and report.xlsx together as a pair.
 * (A single file, pc_write_file_atomic, is the output module's own, in
 * output.c.)
 */
#define _POSIX_C_SOURCE 200809L

#include "paycalc/output.h"
#include "paycalc/write.h"
#include "json/scenarios_json.h"
#include "report_files.h"
#include "xlsx/scenarios_xlsx.h"

#include <stdlib.h>
#include <string.h>

static pc_status write_json(pc_output *out, size_t index, const pc_dataset *ds,
                            const pc_report *report, const char *path, pc_diags *diags)
{
    int fd;
    pc_status st = pc_output_create(out, index, &fd, diags);
    return st ? st : pc_json_write_fd(ds, report, fd, path, diags);
}

static pc_status write_xlsx(pc_output *out, size_t index, const pc_dataset *ds,
                            const pc_report *report, const char *path, pc_diags *diags)
{
    return pc_xlsx_write_file(ds, report, pc_output_temp_path(out, index), path, diags);
}

static bool usable(const pc_dataset *ds, const pc_report *report, const char *path, pc_diags *diags)
{
    if (ds && report && path && *path)
        return true;
    pc_error(diags, path, 0, 0, "write_failed", "no report path or no report to write");
    return false;
}

/* Writes the reports named in paths (JSON, XLSX or both, json_at and
 * xlsx_at their positions, -1 for absent) as one atomic output. */
static pc_status write_set(const pc_dataset *ds, const pc_report *report, const char *const *paths,
                           size_t n, int json_at, int xlsx_at, pc_diags *diags)
{
    for (size_t i = 0; i < n; i++)
        if (!usable(ds, report, paths[i], diags))
            return PC_ERR_USAGE;
    pc_output *out;
    pc_status st = pc_output_open(&out, paths, n, diags);
    if (!st && json_at >= 0)
        st = write_json(out, (size_t)json_at, ds, report, paths[json_at], diags);
    if (!st && xlsx_at >= 0)
        st = write_xlsx(out, (size_t)xlsx_at, ds, report, paths[xlsx_at], diags);
    if (!st)
        st = pc_output_commit(out, diags);
    pc_output_free(out);
    return st;
}

pc_status pc_write_reports(const pc_dataset *ds, const pc_report *report, const char *json_path,
                           const char *xlsx_path, pc_diags *diags)
{
    const char *paths[] = {json_path, xlsx_path};
    return write_set(ds, report, paths, 2, 0, 1, diags);
}

pc_status pc_write_json(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags)
{
    return write_set(ds, report, &path, 1, 0, -1, diags);
}

pc_status pc_write_xlsx(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags)
{
    return write_set(ds, report, &path, 1, -1, 0, diags);
}

pc_status pc_write_scenarios(const pc_dataset *ds, const pc_scenario_report *r,
                             const char *json_path, const char *xlsx_path, pc_diags *diags)
{
    const char *paths[] = {json_path, xlsx_path};
    char *json = pc_json_scenarios_dumps(ds, r);
    if (!json)
        return PC_ERR_NOMEM;
    pc_output *out;
    pc_status st = pc_output_open(&out, paths, 2, diags);
    if (!st)
        st = pc_output_write(out, 0, json, strlen(json), diags);
    if (!st)
        st = pc_xlsx_scenarios_write_file(ds, r, pc_output_temp_path(out, 1), xlsx_path, diags);
    if (!st)
        st = pc_output_commit(out, diags);
    pc_output_free(out);
    free(json);
    return st;
}
