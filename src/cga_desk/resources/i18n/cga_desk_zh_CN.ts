<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryChart</name>
    <message>
        <source>IMWG category at each timepoint (number of visits above each bar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortPage</name>
    <message>
        <source>All index diseases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessor (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply filters (Enter in any filter field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist: IMWG category worse than at baseline, or the latest visit declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All timepoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n_patients} patients, {n_visits} visits · {describe} · IMWG categories: fit 0, intermediate 1, frail ≥ 2 (higher score = frailer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean change from baseline: no visit with a baseline in this selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean change from baseline (n visits) — Katz ADL and Lawton IADL: negative = decline; CCI and IMWG: positive = decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cohort summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Scores, updated at every answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score {imwg}/5: {category_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete (every instrument must be complete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020, not the IMWG score): {score}/5, {category}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cohort view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export analysis dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CGA Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language (applies at the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time CGA Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name} ({role}) · database: {database_label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demo patients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the analysis dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV with codebook (*.csv);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identify?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identify the export (drop names and birth dates, keep study IDs, ages and day offsets)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the analysis dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {rows} visits to {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{timepoint} visit of {visit_date} completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CGA Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGA Desk {version}
Geriatric assessment for haematology clinics: Katz ADL, Lawton IADL, Charlson, ECOG and the IMWG frailty score.
Database: {database}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Add a treatment milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientListPage</name>
    <message>
        <source>All patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment due or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rowCount} of {total} patients shown. Enter opens the selected patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Enter presses this button while it has the focus (as when the page opens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start another visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add milestone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitudinal report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends and change from baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign selected visits (physician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend signed visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit summary report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits (Enter opens the selected visit; select several to sign them at once):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} · {name} · {age} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born {birth_date} · {sex} · {disease} · diagnosis {diagnosis}
Milestones: {milestones}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index disease not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trend reviewed {date} by {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trend has not been reviewed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitudinal report of {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the one visit whose summary you want to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit summary of {study_id}, {timepoint} {visit_date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the draft {timepoint} visit of {visit_date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({status}: due {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not scheduled yet: its treatment milestone is not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the {label} visit today{when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {len} page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to {target}: {value}. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Report settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a PNG or JPEG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %Y-%m-%d (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Complete visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete visit (Enter, on this last step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent: {respondent} · assessor: {assessor} · status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: not assessable ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score: {score}/5, {category}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything needed is recorded. Press Enter to complete the visit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartVisitDialog</name>
    <message>
        <source>Start a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a timepoint, or Unscheduled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>Mark selected visit as baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmark baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend reviewed… (physician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change = visit − baseline. Katz and Lawton: a fall is a decline. CCI and IMWG: a rise is a decline. Each visit is compared with the latest baseline on or before its date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{timepoint} {visit_date}: no baseline, so no change is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items changed since the baseline of {baseline_date}: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to CGA Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as it will appear on visits and sign-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data (about 40 example patients following the pPCL protocol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue (Enter, from anywhere on this page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is using CGA Desk? Choose your name and press Enter, or type a new user below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Create the first user: your name and role are recorded on every change (sign-in with passwords comes later). Physicians sign visits off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your name to create the first user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <source>Keys: a digit answers and moves on · Enter or Tab: next · Backspace: back · Esc: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous question (Backspace, or Shift+Tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question (Enter or Tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (the draft is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{step} · question {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked not assessable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why can {step} not be assessed at this visit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>CGA Desk could not open its database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>changes</name>
    <message>
        <source>This visit is the baseline: later visits are compared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from baseline: {no_baseline} (no baseline visit on or before this date).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fmt}, {days_from_baseline} days ({months_from_baseline} months) earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from baseline ({when}): {change_phrase}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> IMWG category {category_transition}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change since the previous visit: {change_phrase}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Induction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAR-T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consolidation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BL baseline · EoI end of induction · C+1 CAR-T + 1 month · EoC end of consolidation · FUn follow-up month n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EoI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EoC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score 0-5, higher = frailer (bands: fit 0 · intermediate 1 · frail ≥ 2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cohort</name>
    <message>
        <source>Filters: {filters} · {n_patients} patients · {n_visits} visits · printed {fmt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty category per timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean change from baseline per timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit with a baseline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of (visit − its baseline) over the visits of that timepoint with a baseline and both scores complete (n). ▼ = the mean moved in the direction of decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (trend reviewed {fmt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the worklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue timepoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timepoint is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>Age {age} → +{points}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This visit cannot be completed yet. Still missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGA Desk — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGA Desk met an error it did not expect. Your answers saved so far are kept.
The details were written to {log_file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>the more severe grade is ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (age-adjusted {adjusted}, for information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abnormal (14 or less): a full geriatric assessment is suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal (above 14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (scored from the visit date, not asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>Instrument wording: a translation written for CGA Desk, not a validated translation of the instruments (version {version}). A clinic can replace it with its own validated translation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>layout</name>
    <message>
        <source>Printed {generated} · CGA Desk {__version__} · Page {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>longitudinal</name>
    <message>
        <source>Geriatric assessment — longitudinal report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, the most recent baseline on or before the visit; “{decline}” marks a decline. “{no_baseline}” and “{incomplete}” are never counted as 0. Charts: ■ baseline visit, ● other visit, × incomplete (not scored), numbered dashed lines = treatment milestones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score (0-5, higher = frailer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · longitudinal report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment milestones: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days from baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items changed since baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fmt} {timepoint} (baseline {fmt2}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item changed from baseline at any visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no visit scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring version: {versions}. Scores as stored with each visit; forms Katz (Hartford 0-6), Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease excluded).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}: {before} {arrow} {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}, {item}: {before} {arrow} {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate fitness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-frail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-frail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG baseline → latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG (higher = frailer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of the latest visit with a complete IMWG frailty score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [baseline]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs previous visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>patient_dialog</name>
    <message>
        <source>Study / record ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a date; write it as YYYY-MM-DD, e.g. 1949-05-02</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proxy (family member or carer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both patient and proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is answering?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record who gave the answers at this visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument} since the last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the {timepoint} visit of {date}: {listed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged: keep these answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed: review each item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the {instrument} at this visit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} is optional: the visit is complete without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: ask the {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at this visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>report_actions</name>
    <message>
        <source>Preparing the {title}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>report_preview</name>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>{note_date} is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{note_date} is before the patient&apos;s birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a patient needs a study or record ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{birth_date} is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is before the birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{diagnosis_date} is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sex!r} is not one of {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{index_disease!r} is not one of {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a patient with ID {study_id!r} is already registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind!r} is not a milestone; expected {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is before the patient&apos;s birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} on {day} is already recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the visit of {visit_date} would be before birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key!r} is not a setting; expected {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role!r} is not a role; expected {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user called {name!r} already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user called {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit with number {visit_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit is signed and read-only. Amend it (with a reason) to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is after today ({today})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is before the patient&apos;s birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a visit needs a timepoint (or &apos;Unscheduled&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{respondent!r} is not one of {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} already has a {timepoint!r} visit on {visit_date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say why the instrument cannot be assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>respondent (patient, proxy or both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a draft visit can be completed (this one is {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {timepoint} visit of {visit_date} is {status}, not complete: it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a signed visit is amended; a draft or complete visit can be edited directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amending a signed visit requires a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signoff</name>
    <message>
        <source>Select one or more complete visits to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the signed visit to amend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend a signed visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why must the signed {timepoint} visit of {date} be changed? (kept with the earlier version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit has not been amended: there is no earlier version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision {revision}, signed by {signer}; replaced on {when} by {by}. Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional) for today&apos;s review of the frailty trend:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <source>no baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ▼ decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d ({months} mo) since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ {label} ({sign} = decline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [BASELINE]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>visit_summary</name>
    <message>
        <source>Geriatric assessment — visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 fit, 1 intermediate, ≥ 2 frail; higher = frailer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient {study_id} · visit {fmt} ({timepoint})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (revision {revision}; amended: {amendment_reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fmt} (age {age} at the visit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete (not computed from an incomplete instrument: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score {imwg}/5 — {imwg2} ({IMWG_CATEGORIES})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020): not shown — ECOG not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020) {score}/5 — {category} (0-1 non-frail, ≥ 2 frail). A different score from IMWG, which it agrees with only moderately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; age-adjusted CCI {cci_adj} (information only, not used by IMWG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items changed since baseline: {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers (in the words of each form) and points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form versions: {versions}. Scoring: {get}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by {signed_by} on {fmt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed (status: {status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed by {completed_by} on {fmt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary plasma cell leukaemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary plasma cell leukaemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple myeloma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smouldering myeloma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AL amyloidosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Induction start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAR-T infusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consolidation start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of induction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAR-T + 1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of consolidation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up month {month}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source> — not counted: {not_counted_reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{short_title} not assessable: {not_assessable_reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{short_title} not recorded (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total from paper records, no item answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{short_title} not recorded (optional; the simplified score needs it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
