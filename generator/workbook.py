"""The Annex A readiness tracker as an Excel workbook, for partnerships that track in spreadsheets.

One row per Annex A item, the same columns as the tracker page, drop-down lists for status and
agency, a date check on "Last reviewed", the header row frozen and filterable. The tracker page
reads a filled-in copy back (assessment/tracker/xlsx.js and sheet.js find the columns by their
headings in the sheet SHEET_TITLE), so keep those headings and the sheet's name. Built with
openpyxl from the model; the bytes are the same for the same content (fixed timestamps), so a
rebuild of an unchanged site changes nothing. The build writes it in a second process where one
can run (render.py, parallel.py), so the build's own process never imports openpyxl. Its address
in the site is planner.XLSX_PATH.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .model import Agency, Framework, Site
from .render_examples import when

SHEET_TITLE = "Annex A tracker"
# (heading, width in characters)
COLUMNS = (
    ("ID", 16),
    ("Section", 30),
    ("Number", 22),
    ("Item", 40),
    ("Agency", 34),
    ("Deadline", 22),
    ("Criteria", 16),
    ("Status", 16),
    ("Owner (role or name)", 26),
    ("Where the document lives", 34),
    ("Last reviewed", 15),
    ("Contributing agencies", 34),
    ("Notes", 50),
)
STATUS_COL, AGENCY_COL, REVIEWED_COL = 8, 5, 11
HEADER_FILL = PatternFill("solid", fgColor="3F51B5")


def safe(text: str) -> str:
    """Text that a spreadsheet will never run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def workbook_bytes(site: Site) -> bytes:
    fw = site.framework
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet), "a new workbook starts with one worksheet"
    ws.title = SHEET_TITLE
    names = {a.id: a.name for a in fw.agencies}
    statuses = status_labels(site)
    titles = {s.id: s.title for s in fw.annex_sections}
    ws.append([heading for heading, _ in COLUMNS])
    for item in fw.annex_items:
        if item.retired:
            continue
        ws.append(
            [
                safe(x)
                for x in (
                    item.id,
                    titles[item.section],
                    item.number,
                    item.item,
                    names[item.agency],
                    str(item.deadline) if item.deadline.week else "",
                    ", ".join(item.criteria),
                    statuses[0],
                    "",
                    "",
                    "",
                    ", ".join(names[a] for a in item.contributors),
                    "",
                )
            ]
        )
    last = ws.max_row
    _style(ws)
    lists = _lists(wb, statuses, fw.agencies)
    _validations(ws, last, statuses, lists.max_row)
    _about(wb, site, last - 1)
    stamp = dt.datetime.fromisoformat(fw.version_date + "T00:00:00")
    wb.properties.creator = "JTAI Ready"
    wb.properties.title = f"{fw.short_title}: Annex A readiness tracker"
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    return _fixed_timestamps(buffer.getvalue(), stamp)


def _style(ws: Worksheet) -> None:
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    top_wrapped = Alignment(vertical="top", wrap_text=True)  # one style object for every cell
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = top_wrapped
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = top_wrapped
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{ws.max_row}"


def status_labels(site: Site) -> list[str]:
    """The tracker's statuses in list order, from timeline.yml (the tracker page reads the same)."""
    return [s.label for s in site.framework.timeline.tracker.statuses]


def _lists(wb: Workbook, statuses: list[str], agencies: tuple[Agency, ...]) -> Worksheet:
    lists: Worksheet = wb.create_sheet("Lists")
    lists.append(["Status", "Agency"])
    for i in range(max(len(statuses), len(agencies))):
        lists.append(
            [
                statuses[i] if i < len(statuses) else None,
                agencies[i].name if i < len(agencies) else None,
            ]
        )
    lists.column_dimensions["A"].width = 16
    lists.column_dimensions["B"].width = 70
    for cell in lists[1]:
        cell.font = Font(bold=True)
    return lists


def _validations(ws: Worksheet, last: int, statuses: list[str], agency_rows: int) -> None:
    status = DataValidation(
        type="list",
        formula1=f"=Lists!$A$2:$A${len(statuses) + 1}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list.",
        promptTitle="Status",
        prompt=", ".join(statuses[:-1]) + " or " + statuses[-1],
        showInputMessage=True,
    )
    agency = DataValidation(
        type="list",
        formula1=f"=Lists!$B$2:$B${agency_rows}",
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Agency",
        error="Choose an agency from the list.",
    )
    reviewed = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Last reviewed",
        error="Enter a date, for example 03/05/2024.",
    )
    status.add(f"{get_column_letter(STATUS_COL)}2:{get_column_letter(STATUS_COL)}{last}")
    agency.add(f"{get_column_letter(AGENCY_COL)}2:{get_column_letter(AGENCY_COL)}{last}")
    reviewed.add(f"{get_column_letter(REVIEWED_COL)}2:{get_column_letter(REVIEWED_COL)}{last}")
    for validation in (status, agency, reviewed):
        ws.add_data_validation(validation)
    for row in range(2, last + 1):
        ws.cell(row=row, column=REVIEWED_COL).number_format = "DD/MM/YYYY"


def _about(wb: Workbook, site: Site, count: int) -> None:
    fw = site.framework
    about = wb.create_sheet("About")
    lines = [
        f"{fw.short_title}: Annex A readiness tracker",
        f"One row for each of the {count} items inspectors ask for in Annex A of the framework "
        f"guidance (updated {when(fw.version_date)}).",
        "Status and Agency have drop-down lists. Give the owner as a role, or the name of the "
        "person to chase.",
        "To send it back, keep the sheet's name and its column headings. The Annex A readiness "
        "tracker page imports the workbook and puts it together with its own tracker, item by "
        "item: a blank cell changes nothing there.",
        "Deadlines are in the inspection's weeks. " + week_definition(fw),
        "Do not record children's names or other personal details here.",
        "Made by JTAI Ready, which is independent of the inspectorates. Framework text is Crown "
        "copyright, Open Government Licence v3.0.",
    ]
    for line in lines:
        about.append([safe(line)])
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 110


def week_definition(fw: Framework) -> str:
    """What weeks 1, 2 and 3 are, as the planner counts them: one definition everywhere."""
    return fw.timeline.rules.calendar.explanation


def _fixed_timestamps(data: bytes, stamp: dt.datetime) -> bytes:
    """The same zip with every entry dated `stamp` and core.xml's modified date fixed too."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _fix_modified(body.decode("utf-8"), iso).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, body)
    return out.getvalue()


def _fix_modified(xml: str, iso: str) -> str:
    start = xml.find("<dcterms:modified")
    if start < 0:
        return xml
    open_end = xml.find(">", start) + 1
    close = xml.find("</dcterms:modified>", open_end)
    return xml[:open_end] + iso + xml[close:] if close > 0 else xml
