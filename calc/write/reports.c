/*
 * The reports as files (SPEC sections 1 and 14): each public writer of
 * write.h runs its writer inside one atomic output (paycalc/output.h), and
 * pc_write_report_set commits report.json, report.xlsx and the ixbrl/
 * folder of the Inline XBRL section together as one set.
 * (A single file, pc_write_file_atomic, is the output module's own, in
 * output.c.)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ixbrl/ixbrl.h"
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
                            const pc_report *report, const char *path, pc_xlsx_cell_counts *counts,
                            pc_diags *diags)
{
    return pc_xlsx_write_file_counted(ds, report, pc_output_temp_path(out, index), path, counts,
                                      diags);
}

static pc_status write_all(int fd, const pc_buf *text, const char *path, const char *name,
                           pc_diags *diags)
{
    const char *p = pc_buf_text(text);
    size_t left = text->len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            pc_error(diags, path, 0, 0, "write_failed", "could not write '%s/%s': %s", path, name,
                     w < 0 ? strerror(errno) : "no space written");
            return PC_ERR_WRITE;
        }
        p += w;
        left -= (size_t)w;
    }
    return PC_OK;
}

/* The ixbrl/ folder (SPEC section 15): its five files into folder report
 * `index`. */
static pc_status write_ixbrl(pc_output *out, size_t index, const pc_dataset *ds,
                             const pc_report *report, const char *path, pc_diags *diags)
{
    pc_ixbrl_files files;
    pc_status st = pc_ixbrl_section_build(ds, report, &files, diags);
    if (st)
        return st; /* nothing is left to release */
    for (int i = 0; i < IX_NFILES && !st; i++) {
        int fd;
        st = pc_output_create_in(out, index, files.name[i], &fd, diags);
        if (!st)
            st = write_all(fd, &files.text[i], path, files.name[i], diags);
    }
    pc_ixbrl_files_fini(&files);
    return st;
}

static bool usable(const pc_dataset *ds, const pc_report *report, const char *path, pc_diags *diags)
{
    if (ds && report && path && *path)
        return true;
    pc_error(diags, path, 0, 0, "write_failed", "no report path or no report to write");
    return false;
}

/* Writes the reports named in paths (JSON, XLSX, the ixbrl/ folder; json_at,
 * xlsx_at and ixbrl_at their positions, -1 for absent) as one atomic output;
 * the workbook's cells counted in *counts when not NULL. */
static pc_status write_set(const pc_dataset *ds, const pc_report *report, const char *const *paths,
                           size_t n, int json_at, int xlsx_at, int ixbrl_at,
                           pc_xlsx_cell_counts *counts, pc_diags *diags)
{
    for (size_t i = 0; i < n; i++)
        if (!usable(ds, report, paths[i], diags))
            return PC_ERR_USAGE;
    bool folders[PC_OUTPUT_MAX] = {false};
    if (ixbrl_at >= 0)
        folders[ixbrl_at] = true;
    pc_output *out;
    pc_status st = pc_output_open_set(&out, paths, folders, n, diags);
    if (!st && json_at >= 0)
        st = write_json(out, (size_t)json_at, ds, report, paths[json_at], diags);
    if (!st && xlsx_at >= 0)
        st = write_xlsx(out, (size_t)xlsx_at, ds, report, paths[xlsx_at], counts, diags);
    if (!st && ixbrl_at >= 0)
        st = write_ixbrl(out, (size_t)ixbrl_at, ds, report, paths[ixbrl_at], diags);
    if (!st)
        st = pc_output_commit(out, diags);
    pc_output_free(out);
    return st;
}

pc_status pc_write_reports(const pc_dataset *ds, const pc_report *report, const char *json_path,
                           const char *xlsx_path, pc_diags *diags)
{
    return pc_write_report_set(ds, report, json_path, xlsx_path, NULL, diags);
}

pc_status pc_write_report_set(const pc_dataset *ds, const pc_report *report, const char *json_path,
                              const char *xlsx_path, const char *ixbrl_dir, pc_diags *diags)
{
    const char *paths[] = {json_path, xlsx_path, ixbrl_dir};
    return write_set(ds, report, paths, ixbrl_dir ? 3 : 2, 0, 1, ixbrl_dir ? 2 : -1, NULL, diags);
}

pc_status pc_write_json(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags)
{
    return write_set(ds, report, &path, 1, 0, -1, -1, NULL, diags);
}

pc_status pc_write_xlsx(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags)
{
    return write_set(ds, report, &path, 1, -1, 0, -1, NULL, diags);
}

pc_status pc_write_xlsx_counted(const pc_dataset *ds, const pc_report *report, const char *path,
                                pc_diags *diags, pc_xlsx_cell_counts *counts)
{
    if (counts)
        memset(counts, 0, sizeof *counts);
    return write_set(ds, report, &path, 1, -1, 0, -1, counts, diags);
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
