<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryChart</name>
    <message>
        <source>IMWG category at each timepoint (number of visits above each bar)</source>
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
        <source>cohort summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>IMWG frailty score {imwg}/5: {category_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete (every instrument must be complete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CGA Desk</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>MilestoneDialog</name>
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
    <name>PatientListPage</name>
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
        <source>{study_id} · {value} · {age} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born {birth_date} · {value} · {get} · diagnosis {value2}
Milestones: {value3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitudinal report of {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id}-longitudinal.pdf</source>
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
        <source>{study_id}-{visit_date}-visit.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the draft {timepoint} visit of {visit_date}</source>
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
</context>
<context>
    <name>StartVisitDialog</name>
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
</context>
<context>
    <name>cohort_page</name>
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
        <source>Timepoint</source>
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
</context>
<context>
    <name>errors</name>
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
</context>
<context>
    <name>patient_dialog</name>
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
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ {label} ({value} = decline)</source>
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
</TS>
