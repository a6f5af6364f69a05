<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryChart</name>
    <message>
        <source>IMWG category at each timepoint (number of visits above each bar)</source>
        <translation>IMWG 各时间点分类（柱上数字为访视数）</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>访视数</translation>
    </message>
</context>
<context>
    <name>CohortPage</name>
    <message>
        <source>All index diseases</source>
        <translation>全部原发疾病</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>起始日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>截止日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>assessor (any)</source>
        <translation>评估者（不限）</translation>
    </message>
    <message>
        <source>Apply filters</source>
        <translation>应用筛选</translation>
    </message>
    <message>
        <source>Apply filters (Enter in any filter field)</source>
        <translation>应用筛选（在任一筛选框中按 Enter）</translation>
    </message>
    <message>
        <source>Cohort report…</source>
        <translation>队列报告…</translation>
    </message>
    <message>
        <source>Worklist: IMWG category worse than at baseline, or the latest visit declined</source>
        <translation>待办列表：IMWG 分类较基线变差，或最近一次访视出现下降</translation>
    </message>
    <message>
        <source>Overdue assessments</source>
        <translation>逾期未做的评估</translation>
    </message>
    <message>
        <source>All timepoints</source>
        <translation>全部时间点</translation>
    </message>
    <message>
        <source>{n_patients} patients, {n_visits} visits · {describe} · IMWG categories: fit 0, intermediate 1, frail ≥ 2 (higher score = frailer)</source>
        <translation>{n_patients} 名患者，{n_visits} 次访视 · {describe} · IMWG 分类：健壮 0，中等健壮 1，衰弱 ≥ 2（分数越高越衰弱）</translation>
    </message>
    <message>
        <source>Mean change from baseline: no visit with a baseline in this selection.</source>
        <translation>较基线的平均变化：所选范围内没有带基线的访视。</translation>
    </message>
    <message>
        <source>Mean change from baseline (n visits) — Katz ADL and Lawton IADL: negative = decline; CCI and IMWG: positive = decline</source>
        <translation>较基线的平均变化（访视数 n）— Katz ADL 和 Lawton IADL：负值 = 下降；CCI 和 IMWG：正值 = 下降</translation>
    </message>
    <message>
        <source>cohort summary</source>
        <translation>队列汇总</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Scores, updated at every answer</source>
        <translation>评分（每次作答后更新）</translation>
    </message>
    <message>
        <source>IMWG frailty score {imwg}/5: {category_text}</source>
        <translation>IMWG 衰弱评分 {imwg}/5：{category_text}</translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete (every instrument must be complete)</source>
        <translation>IMWG 衰弱评分：未完成（每个量表都须完成）</translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020, not the IMWG score): {score}/5, {category}</source>
        <translation>简化衰弱评分（Facon 2020，非 IMWG 评分）：{score}/5，{category}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Register patient…</source>
        <translation>登记患者(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Patient list</source>
        <translation>患者列表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Cohort view</source>
        <translation>队列视图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export analysis dataset…</source>
        <translation>导出分析数据集(&amp;E)…</translation>
    </message>
    <message>
        <source>Report &amp;settings…</source>
        <translation>报告设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CGA Desk</source>
        <translation>关于 CGA Desk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language (applies at the next start)</source>
        <translation>语言(&amp;L)（下次启动时生效）</translation>
    </message>
    <message>
        <source>The language changes the next time CGA Desk starts.</source>
        <translation>语言将在 CGA Desk 下次启动时更改。</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role}) · database: {database_label}</source>
        <translation>当前用户：{name}（{role}）· 数据库：{database_label}</translation>
    </message>
    <message>
        <source>Loading demo patients…</source>
        <translation>正在载入演示患者…</translation>
    </message>
    <message>
        <source>Export the analysis dataset</source>
        <translation>导出分析数据集</translation>
    </message>
    <message>
        <source>CSV with codebook (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV 及编码手册 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>De-identify?</source>
        <translation>去标识化？</translation>
    </message>
    <message>
        <source>De-identify the export (drop names and birth dates, keep study IDs, ages and day offsets)?</source>
        <translation>是否对导出数据去标识化（删除姓名和出生日期，保留研究编号、年龄和天数偏移）？</translation>
    </message>
    <message>
        <source>Exporting the analysis dataset…</source>
        <translation>正在导出分析数据集…</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Exported {rows} visits to {files}</source>
        <translation>已导出 {rows} 次访视到 {files}</translation>
    </message>
    <message>
        <source>{timepoint} visit of {visit_date} completed.</source>
        <translation>{visit_date} 的{timepoint}访视已完成。</translation>
    </message>
    <message>
        <source>About CGA Desk</source>
        <translation>关于 CGA Desk</translation>
    </message>
    <message>
        <source>CGA Desk {version}
Geriatric assessment for haematology clinics: Katz ADL, Lawton IADL, Charlson, ECOG and the IMWG frailty score.
Database: {database}</source>
        <translation>CGA Desk {version}
血液科门诊老年综合评估：Katz ADL、Lawton IADL、Charlson、ECOG 及 IMWG 衰弱评分。
数据库：{database}</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Add a treatment milestone</source>
        <translation>添加治疗节点</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>治疗节点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>编辑患者</translation>
    </message>
    <message>
        <source>Register a patient</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>年-月-日（YYYY-MM-DD，可选）</translation>
    </message>
</context>
<context>
    <name>PatientListPage</name>
    <message>
        <source>All patients</source>
        <translation>全部患者</translation>
    </message>
    <message>
        <source>Assessment due or overdue</source>
        <translation>评估到期或逾期</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>Search by name or ID</source>
        <translation>按姓名或编号搜索</translation>
    </message>
    <message>
        <source>Register patient…</source>
        <translation>登记患者…</translation>
    </message>
    <message>
        <source>{rowCount} of {total} patients shown. Enter opens the selected patient.</source>
        <translation>显示 {rowCount}/{total} 名患者。按 Enter 打开所选患者。</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Enter presses this button while it has the focus (as when the page opens)</source>
        <translation>此按钮获得焦点时（如页面刚打开时）按 Enter 即可按下</translation>
    </message>
    <message>
        <source>Start another visit…</source>
        <translation>开始其他访视…</translation>
    </message>
    <message>
        <source>Add milestone…</source>
        <translation>添加治疗节点…</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>编辑患者…</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Longitudinal report…</source>
        <translation>纵向报告…</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Trends and change from baseline</source>
        <translation>趋势与较基线变化</translation>
    </message>
    <message>
        <source>Sign selected visits (physician)</source>
        <translation>签署所选访视（医师）</translation>
    </message>
    <message>
        <source>Amend signed visit…</source>
        <translation>修订已签署访视…</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Visit summary report…</source>
        <translation>访视小结报告…</translation>
    </message>
    <message>
        <source>Visits (Enter opens the selected visit; select several to sign them at once):</source>
        <translation>访视（按 Enter 打开所选访视；可多选后一次签署）：</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>{study_id} · {name} · {age} years</source>
        <translation>{study_id} · {name} · {age} 岁</translation>
    </message>
    <message>
        <source>Born {birth_date} · {sex} · {disease} · diagnosis {diagnosis}
Milestones: {milestones}</source>
        <translation>出生 {birth_date} · {sex} · {disease} · 诊断 {diagnosis}
治疗节点：{milestones}</translation>
    </message>
    <message>
        <source>sex not recorded</source>
        <translation>性别未记录</translation>
    </message>
    <message>
        <source>index disease not recorded</source>
        <translation>原发疾病未记录</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>日期未记录</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>trend reviewed {date} by {author}</source>
        <translation>{author} 于 {date} 审阅趋势</translation>
    </message>
    <message>
        <source>The trend has not been reviewed yet.</source>
        <translation>趋势尚未审阅。</translation>
    </message>
    <message>
        <source>longitudinal report of {study_id}</source>
        <translation>{study_id} 的纵向报告</translation>
    </message>
    <message>
        <source>Select the one visit whose summary you want to print.</source>
        <translation>请选择一次要打印小结的访视。</translation>
    </message>
    <message>
        <source>visit summary of {study_id}, {timepoint} {visit_date}</source>
        <translation>{study_id} 的访视小结，{timepoint} {visit_date}</translation>
    </message>
    <message>
        <source>Continue the draft {timepoint} visit of {visit_date}</source>
        <translation>继续 {visit_date} 的{timepoint}访视草稿</translation>
    </message>
    <message>
        <source> ({status}: due {date})</source>
        <translation>（{status}：应于 {date}）</translation>
    </message>
    <message>
        <source> (not scheduled yet: its treatment milestone is not recorded)</source>
        <translation>（尚未排期：其治疗节点未记录）</translation>
    </message>
    <message>
        <source>Start the {label} visit today{when}</source>
        <translation>今天开始{label}访视{when}</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>{title} · {len} page(s)</source>
        <translation>{title} · 共 {len} 页</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to {target}: {value}. Nothing was saved.</source>
        <translation>无法将 PDF 写入 {target}：{value}。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Report settings</source>
        <translation>报告设置</translation>
    </message>
    <message>
        <source>optional: a PNG or JPEG file</source>
        <translation>可选：PNG 或 JPEG 文件</translation>
    </message>
    <message>
        <source>e.g. %Y-%m-%d (ISO 8601)</source>
        <translation>例如 %Y-%m-%d（ISO 8601；中文报告显示为“2026年12月1日”）</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>科室名称</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>标志文件</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日期格式</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Complete visit</source>
        <translation>完成访视</translation>
    </message>
    <message>
        <source>Complete visit (Enter, on this last step)</source>
        <translation>完成访视（在此最后一步按 Enter）</translation>
    </message>
    <message>
        <source>Respondent: {respondent} · assessor: {assessor} · status: {status}</source>
        <translation>应答者：{respondent} · 评估者：{assessor} · 状态：{status}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>{title}: not assessable ({reason})</source>
        <translation>{title}：无法评估（{reason}）</translation>
    </message>
    <message>
        <source>IMWG frailty score: {score}/5, {category}</source>
        <translation>IMWG 衰弱评分：{score}/5，{category}</translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete</source>
        <translation>IMWG 衰弱评分：未完成</translation>
    </message>
    <message>
        <source>Still missing: </source>
        <translation>尚缺：</translation>
    </message>
    <message>
        <source>Everything needed is recorded. Press Enter to complete the visit.</source>
        <translation>所需内容均已记录。按 Enter 完成访视。</translation>
    </message>
</context>
<context>
    <name>StartVisitDialog</name>
    <message>
        <source>Start a visit</source>
        <translation>开始访视</translation>
    </message>
    <message>
        <source>Visit date (YYYY-MM-DD)</source>
        <translation>访视日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>choose a timepoint, or Unscheduled</source>
        <translation>请选择时间点，或选“计划外”</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>Mark selected visit as baseline</source>
        <translation>将所选访视设为基线</translation>
    </message>
    <message>
        <source>Unmark baseline</source>
        <translation>取消基线</translation>
    </message>
    <message>
        <source>Trend reviewed… (physician)</source>
        <translation>已审阅趋势…（医师）</translation>
    </message>
    <message>
        <source>Change = visit − baseline. Katz and Lawton: a fall is a decline. CCI and IMWG: a rise is a decline. Each visit is compared with the latest baseline on or before its date.</source>
        <translation>变化 = 本次访视 − 基线。Katz 和 Lawton：降低即为下降。CCI 和 IMWG：升高即为下降。每次访视与其日期当天或之前最近的基线比较。</translation>
    </message>
    <message>
        <source>{timepoint} {visit_date}: no baseline, so no change is shown.</source>
        <translation>{timepoint} {visit_date}：无基线，因此不显示变化。</translation>
    </message>
    <message>
        <source>no answer changed</source>
        <translation>没有答案改变</translation>
    </message>
    <message>
        <source>Items changed since the baseline of {baseline_date}: {what}.</source>
        <translation>自 {baseline_date} 基线以来改变的条目：{what}。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to CGA Desk</source>
        <translation>欢迎使用 CGA Desk</translation>
    </message>
    <message>
        <source>Your name, as it will appear on visits and sign-offs</source>
        <translation>您的姓名（将显示在访视和签署记录中）</translation>
    </message>
    <message>
        <source>Load demo data (about 40 example patients following the pPCL protocol)</source>
        <translation>载入演示数据（约 40 名按 pPCL 方案随访的示例患者）</translation>
    </message>
    <message>
        <source>New user's name</source>
        <translation>新用户姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue (Enter, from anywhere on this page)</source>
        <translation>继续（在本页任意位置按 Enter）</translation>
    </message>
    <message>
        <source>Who is using CGA Desk? Choose your name and press Enter, or type a new user below.</source>
        <translation>谁在使用 CGA Desk？请选择您的姓名并按 Enter，或在下方输入新用户。</translation>
    </message>
    <message>
        <source>This database is empty. Create the first user: your name and role are recorded on every change (sign-in with passwords comes later). Physicians sign visits off.</source>
        <translation>数据库为空。请创建第一个用户：每次更改都会记录您的姓名和角色（密码登录将在以后提供）。访视由医师签署。</translation>
    </message>
    <message>
        <source>Type your name to create the first user.</source>
        <translation>请输入您的姓名以创建第一个用户。</translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <source>Keys: a digit answers and moves on · Enter or Tab: next · Backspace: back · Esc: close</source>
        <translation>按键：数字键作答并前进 · Enter 或 Tab：下一题 · Backspace：上一题 · Esc：关闭</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Back to the previous question (Backspace, or Shift+Tab)</source>
        <translation>返回上一题（Backspace 或 Shift+Tab）</translation>
    </message>
    <message>
        <source>Not assessable…</source>
        <translation>无法评估…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Next question (Enter or Tab)</source>
        <translation>下一题（Enter 或 Tab）</translation>
    </message>
    <message>
        <source>Close (the draft is kept)</source>
        <translation>关闭（保留草稿）</translation>
    </message>
    <message>
        <source>{step} · question {number} of {count}</source>
        <translation>{step} · 第 {number}/{count} 题</translation>
    </message>
    <message>
        <source>{where}. {help}</source>
        <translation>{where}。{help}</translation>
    </message>
    <message>
        <source>Marked not assessable: {reason}</source>
        <translation>已标记为无法评估：{reason}</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>Why can {step} not be assessed at this visit?</source>
        <translation>本次访视为何无法评估{step}？</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>CGA Desk could not open its database.</source>
        <translation>CGA Desk 无法打开数据库。</translation>
    </message>
</context>
<context>
    <name>changes</name>
    <message>
        <source>This visit is the baseline: later visits are compared with it.</source>
        <translation>本次访视为基线：之后的访视将与其比较。</translation>
    </message>
    <message>
        <source>Change from baseline: {no_baseline} (no baseline visit on or before this date).</source>
        <translation>较基线变化：{no_baseline}（此日期当天或之前没有基线访视）。</translation>
    </message>
    <message>
        <source>{fmt}, {days_from_baseline} days ({months_from_baseline} months) earlier</source>
        <translation>{fmt}，{days_from_baseline} 天（{months_from_baseline} 个月）前</translation>
    </message>
    <message>
        <source>Change from baseline ({when}): {change_phrase}.</source>
        <translation>较基线变化（{when}）：{change_phrase}。</translation>
    </message>
    <message>
        <source> IMWG category {category_transition}.</source>
        <translation> IMWG 分类 {category_transition}。</translation>
    </message>
    <message>
        <source>Change since the previous visit: {change_phrase}.</source>
        <translation>较上次访视变化：{change_phrase}。</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Induction</source>
        <translation>诱导</translation>
    </message>
    <message>
        <source>CAR-T</source>
        <translation>CAR-T</translation>
    </message>
    <message>
        <source>Consolidation</source>
        <translation>巩固</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>BL baseline · EoI end of induction · C+1 CAR-T + 1 month · EoC end of consolidation · FUn follow-up month n</source>
        <translation>基线 · 诱导末 = 诱导结束 · C+1 = CAR-T 后 1 个月 · 巩固末 = 巩固结束 · 随访n = 第 n 个月随访</translation>
    </message>
    <message>
        <source>BL</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>EoI</source>
        <translation>诱导末</translation>
    </message>
    <message>
        <source>C+1</source>
        <translation>C+1</translation>
    </message>
    <message>
        <source>EoC</source>
        <translation>巩固末</translation>
    </message>
    <message>
        <source>U</source>
        <translation>计划外</translation>
    </message>
    <message>
        <source>FU</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>IMWG frailty score 0-5, higher = frailer (bands: fit 0 · intermediate 1 · frail ≥ 2)</source>
        <translation>IMWG 衰弱评分 0-5，越高越衰弱（色带：健壮 0 · 中等健壮 1 · 衰弱 ≥ 2）</translation>
    </message>
    <message>
        <source>(IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail; number of visits)</source>
        <translation>（IMWG 分类：0 健壮，1 中等健壮，≥ 2 衰弱；访视数）</translation>
    </message>
</context>
<context>
    <name>codebook</name>
    <message>
        <source>negative = decline</source>
        <translation>负值 = 下降</translation>
    </message>
    <message>
        <source>positive = decline</source>
        <translation>正值 = 下降</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 分</translation>
    </message>
    <message>
        <source>{instrument} item '{item}': {options}.</source>
        <translation>{instrument} 条目“{item}”：{options}。</translation>
    </message>
    <message>
        <source> Empty = not answered item by item (a total from paper, not assessable, or not asked)</source>
        <translation> 空 = 未逐项作答（纸质记录总分、无法评估或未询问）</translation>
    </message>
    <message>
        <source>points: {direction}</source>
        <translation>分值：{direction}</translation>
    </message>
    <message>
        <source>the option's value shown, not its points</source>
        <translation>显示选项的编号值，而非其分值</translation>
    </message>
    <message>
        <source>{total} at this visit - {total} at baseline; {no_baseline}</source>
        <translation>本次访视 {total} - 基线 {total}；{no_baseline}</translation>
    </message>
    <message>
        <source>-{span} to +{span}</source>
        <translation>-{span} 至 +{span}</translation>
    </message>
</context>
<context>
    <name>cohort</name>
    <message>
        <source>Filters: {filters} · {n_patients} patients · {n_visits} visits · printed {fmt}</source>
        <translation>筛选：{filters} · {n_patients} 名患者 · {n_visits} 次访视 · 打印于 {fmt}</translation>
    </message>
    <message>
        <source>IMWG frailty category per timepoint</source>
        <translation>各时间点 IMWG 衰弱分类</translation>
    </message>
    <message>
        <source>No visits.</source>
        <translation>无访视。</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Mean change from baseline per timepoint</source>
        <translation>各时间点较基线的平均变化</translation>
    </message>
    <message>
        <source>No visit with a baseline yet.</source>
        <translation>尚无带基线的访视。</translation>
    </message>
    <message>
        <source>Mean of (visit − its baseline) over the visits of that timepoint with a baseline and both scores complete (n). ▼ = the mean moved in the direction of decline.</source>
        <translation>该时间点有基线且两次评分均完整的访视（n）中（访视 − 其基线）的均值。▼ = 均值朝下降方向变化。</translation>
    </message>
    <message>
        <source> (trend reviewed {fmt})</source>
        <translation>（趋势已于 {fmt} 审阅）</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>待办列表</translation>
    </message>
    <message>
        <source>Nothing on the worklist.</source>
        <translation>待办列表为空。</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overdue timepoints</source>
        <translation>逾期时间点</translation>
    </message>
    <message>
        <source>No timepoint is overdue.</source>
        <translation>没有逾期的时间点。</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应评估日期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>Age {age} → +{points}</source>
        <translation>年龄 {age} → +{points}</translation>
    </message>
</context>
<context>
    <name>directions</name>
    <message>
        <source>higher = frailer</source>
        <translation>越高越衰弱</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This visit cannot be completed yet. Still missing:</source>
        <translation>本次访视尚不能完成。尚缺：</translation>
    </message>
    <message>
        <source>CGA Desk — unexpected error</source>
        <translation>CGA Desk — 意外错误</translation>
    </message>
    <message>
        <source>CGA Desk met an error it did not expect. Your answers saved so far are kept.
The details were written to {log_file}.</source>
        <translation>CGA Desk 遇到意外错误。已保存的答案不会丢失。
详细信息已写入 {log_file}。</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>the more severe grade is ticked</source>
        <translation>已勾选较重的级别</translation>
    </message>
    <message>
        <source> (age-adjusted {adjusted}, for information)</source>
        <translation>（年龄校正 {adjusted}，仅供参考）</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>abnormal (14 or less): a full geriatric assessment is suggested</source>
        <translation>异常（≤ 14 分）：建议进行完整的老年综合评估</translation>
    </message>
    <message>
        <source>normal (above 14)</source>
        <translation>正常（&gt; 14 分）</translation>
    </message>
    <message>
        <source>Age (scored from the visit date, not asked)</source>
        <translation>年龄（按访视日期计分，无需询问）</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>Instrument wording: a translation written for CGA Desk, not a validated translation of the instruments (version {version}). A clinic can replace it with its own validated translation.</source>
        <translation>量表措辞：为 CGA Desk 编写的译文，并非经过验证的量表中文版（版本 {version}）。各中心可替换为自己持有的经验证译本。</translation>
    </message>
</context>
<context>
    <name>layout</name>
    <message>
        <source>Instrument wording: a translation written for CGA Desk, not a validated translation of the instruments (version {version}).</source>
        <translation>量表措辞：为 CGA Desk 编写的译文，并非经过验证的量表中文版（版本 {version}）。</translation>
    </message>
    <message>
        <source>Printed {generated} · CGA Desk {__version__} · Page {number} of {total}</source>
        <translation>打印于 {generated} · CGA Desk {__version__} · 第 {number} 页，共 {total} 页</translation>
    </message>
</context>
<context>
    <name>longitudinal</name>
    <message>
        <source>Geriatric assessment — longitudinal report</source>
        <translation>老年综合评估 — 纵向报告</translation>
    </message>
    <message>
        <source>How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, the most recent baseline on or before the visit; “{decline}” marks a decline. “{no_baseline}” and “{incomplete}” are never counted as 0. Charts: ■ baseline visit, ● other visit, × incomplete (not scored), numbered dashed lines = treatment milestones.</source>
        <translation>阅读说明。Katz ADL（0-6）和 Lawton IADL（0-8）：越高越独立，降低即为下降。Charlson CCI（未校正）和 IMWG 衰弱评分（0-5）：越高越差，升高即为下降。IMWG 分类：0 健壮，1 中等健壮，≥ 2 衰弱（阴影色带）。变化（Δ）= 本次访视 − 其基线（访视当天或之前最近的基线）；“{decline}”表示下降。“{no_baseline}”和“{incomplete}”从不计为 0。图：■ 基线访视，● 其他访视，× 未完成（未计分），带编号的虚线 = 治疗节点。</translation>
    </message>
    <message>
        <source>IMWG frailty score (0-5, higher = frailer)</source>
        <translation>IMWG 衰弱评分（0-5，越高越衰弱）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation>尚无访视记录。</translation>
    </message>
    <message>
        <source>Patient {study_id}</source>
        <translation>患者 {study_id}</translation>
    </message>
    <message>
        <source> · longitudinal report</source>
        <translation> · 纵向报告</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation>原发疾病</translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <source>Treatment milestones: </source>
        <translation>治疗节点：</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days from baseline</source>
        <translation>距基线天数</translation>
    </message>
    <message>
        <source>IMWG category</source>
        <translation>IMWG 分类</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Items changed since baseline</source>
        <translation>较基线改变的条目</translation>
    </message>
    <message>
        <source>{fmt} {timepoint} (baseline {fmt2}):</source>
        <translation>{fmt} {timepoint}（基线 {fmt2}）：</translation>
    </message>
    <message>
        <source>No item changed from baseline at any visit.</source>
        <translation>所有访视均无条目较基线改变。</translation>
    </message>
    <message>
        <source>no visit scored</source>
        <translation>无已计分访视</translation>
    </message>
    <message>
        <source>Scoring version: {versions}. Scores as stored with each visit; forms Katz (Hartford 0-6), Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease excluded).</source>
        <translation>计分版本：{versions}。评分为每次访视保存时的结果；量表：Katz（Hartford 0-6）、Lawton-Brody（0-8，不分性别计全部条目）、Charlson 1987（不计原发疾病）。</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>无基线</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>▼ declined</source>
        <translation>▼ 下降</translation>
    </message>
    <message>
        <source>▲ improved</source>
        <translation>▲ 改善</translation>
    </message>
    <message>
        <source>{item}: {before} {arrow} {after}</source>
        <translation>{item}：{before} {arrow} {after}</translation>
    </message>
    <message>
        <source>{instrument}, {item}: {before} {arrow} {after}</source>
        <translation>{instrument}，{item}：{before} {arrow} {after}</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>健壮</translation>
    </message>
    <message>
        <source>Intermediate fitness</source>
        <translation>中等健壮</translation>
    </message>
    <message>
        <source>Frail</source>
        <translation>衰弱</translation>
    </message>
    <message>
        <source>Non-frail</source>
        <translation>非衰弱</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>健壮</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中等健壮</translation>
    </message>
    <message>
        <source>frail</source>
        <translation>衰弱</translation>
    </message>
    <message>
        <source>non-frail</source>
        <translation>非衰弱</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>IMWG score</source>
        <translation>IMWG 评分</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>(frail on age alone)</source>
        <translation>（仅凭年龄即为衰弱）</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Latest visit</source>
        <translation>最近访视</translation>
    </message>
    <message>
        <source>IMWG baseline → latest</source>
        <translation>IMWG 基线 → 最近</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <source>Trend reviewed</source>
        <translation>趋势审阅</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应评估日期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation>原发疾病</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近访视</translation>
    </message>
    <message>
        <source>IMWG (higher = frailer)</source>
        <translation>IMWG（越高越衰弱）</translation>
    </message>
    <message>
        <source>Category of the latest visit with a complete IMWG frailty score</source>
        <translation>最近一次 IMWG 衰弱评分完整的访视的分类</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>  [baseline]</source>
        <translation>  [基线]</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since baseline</source>
        <translation>距基线</translation>
    </message>
    <message>
        <source>Category change</source>
        <translation>分类变化</translation>
    </message>
    <message>
        <source>vs previous visit</source>
        <translation>较上次访视</translation>
    </message>
</context>
<context>
    <name>patient_dialog</name>
    <message>
        <source>Study / record ID</source>
        <translation>研究编号 / 病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation>原发疾病</translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>访视日期</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>为必填项（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>{text!r} is not a date; write it as YYYY-MM-DD, e.g. 1949-05-02</source>
        <translation>{text!r} 不是日期；请按 YYYY-MM-DD 填写，例如 1949-05-02</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Review and complete</source>
        <translation>核对并完成</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>患者本人</translation>
    </message>
    <message>
        <source>A proxy (family member or carer)</source>
        <translation>代答者（家属或照护者）</translation>
    </message>
    <message>
        <source>Both patient and proxy</source>
        <translation>患者和代答者共同作答</translation>
    </message>
    <message>
        <source>Who is answering?</source>
        <translation>由谁作答？</translation>
    </message>
    <message>
        <source>Record who gave the answers at this visit.</source>
        <translation>记录本次访视由谁提供答案。</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>{instrument} since the last visit</source>
        <translation>上次访视以来的{instrument}</translation>
    </message>
    <message>
        <source>At the {timepoint} visit of {date}: {listed}.</source>
        <translation>{date} 的{timepoint}访视：{listed}。</translation>
    </message>
    <message>
        <source>Unchanged: keep these answers</source>
        <translation>无变化：保留这些答案</translation>
    </message>
    <message>
        <source>Changed: review each item</source>
        <translation>有变化：逐项核对</translation>
    </message>
    <message>
        <source>Record the {instrument} at this visit?</source>
        <translation>本次访视是否记录 {instrument}？</translation>
    </message>
    <message>
        <source>{title} is optional: the visit is complete without it.</source>
        <translation>{title}为可选项：不做也可完成访视。</translation>
    </message>
    <message>
        <source>Yes: ask the {count} questions</source>
        <translation>是：询问这 {count} 个问题</translation>
    </message>
    <message>
        <source>Not at this visit</source>
        <translation>本次不做</translation>
    </message>
</context>
<context>
    <name>report_actions</name>
    <message>
        <source>Preparing the {title}…</source>
        <translation>正在准备{title}…</translation>
    </message>
</context>
<context>
    <name>report_data</name>
    <message>
        <source>Cohort summary</source>
        <translation>队列汇总</translation>
    </message>
</context>
<context>
    <name>report_preview</name>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation>无法启动打印机。未打印任何内容。</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>{note_date} is in the future</source>
        <translation>{note_date} 是将来的日期</translation>
    </message>
    <message>
        <source>{note_date} is before the patient's birth date</source>
        <translation>{note_date} 早于患者出生日期</translation>
    </message>
    <message>
        <source>a patient needs a study or record ID</source>
        <translation>患者须有研究编号或病历号</translation>
    </message>
    <message>
        <source>{birth_date} is in the future</source>
        <translation>{birth_date} 是将来的日期</translation>
    </message>
    <message>
        <source>is before the birth date</source>
        <translation>早于出生日期</translation>
    </message>
    <message>
        <source>{diagnosis_date} is in the future</source>
        <translation>{diagnosis_date} 是将来的日期</translation>
    </message>
    <message>
        <source>{sex!r} is not one of {join}</source>
        <translation>{sex!r} 不在 {join} 之中</translation>
    </message>
    <message>
        <source>{index_disease!r} is not one of {join}</source>
        <translation>{index_disease!r} 不在 {join} 之中</translation>
    </message>
    <message>
        <source>a patient with ID {study_id!r} is already registered</source>
        <translation>编号为 {study_id!r} 的患者已登记</translation>
    </message>
    <message>
        <source>{kind!r} is not a milestone; expected {join}</source>
        <translation>{kind!r} 不是治疗节点；应为 {join}</translation>
    </message>
    <message>
        <source>is before the patient's birth date</source>
        <translation>早于患者出生日期</translation>
    </message>
    <message>
        <source>{kind} on {day} is already recorded</source>
        <translation>{day} 的 {kind} 已记录</translation>
    </message>
    <message>
        <source>the visit of {visit_date} would be before birth</source>
        <translation>{visit_date} 的访视将早于出生日期</translation>
    </message>
    <message>
        <source>{value} is not a file</source>
        <translation>{value} 不是文件</translation>
    </message>
    <message>
        <source>{key!r} is not a setting; expected {join}</source>
        <translation>{key!r} 不是设置项；应为 {join}</translation>
    </message>
    <message>
        <source>a user needs a name</source>
        <translation>用户须有姓名</translation>
    </message>
    <message>
        <source>{role!r} is not a role; expected {join}</source>
        <translation>{role!r} 不是角色；应为 {join}</translation>
    </message>
    <message>
        <source>a user called {name!r} already exists</source>
        <translation>名为 {name!r} 的用户已存在</translation>
    </message>
    <message>
        <source>No user called {name!r}.</source>
        <translation>没有名为 {name!r} 的用户。</translation>
    </message>
    <message>
        <source>No visit with number {visit_id}.</source>
        <translation>没有编号为 {visit_id} 的访视。</translation>
    </message>
    <message>
        <source>This visit is signed and read-only. Amend it (with a reason) to change it.</source>
        <translation>本次访视已签署，只读。如需更改，请（注明原因）修订。</translation>
    </message>
    <message>
        <source>{day} is after today ({today})</source>
        <translation>{day} 晚于今天（{today}）</translation>
    </message>
    <message>
        <source>{day} is before the patient's birth date</source>
        <translation>{day} 早于患者出生日期</translation>
    </message>
    <message>
        <source>a visit needs a timepoint (or 'Unscheduled')</source>
        <translation>访视须有时间点（或“计划外”）</translation>
    </message>
    <message>
        <source>{respondent!r} is not one of {join}</source>
        <translation>{respondent!r} 不在 {join} 之中</translation>
    </message>
    <message>
        <source>{study_id} already has a {timepoint!r} visit on {visit_date}</source>
        <translation>{study_id} 在 {visit_date} 已有 {timepoint!r} 访视</translation>
    </message>
    <message>
        <source>say why the instrument cannot be assessed</source>
        <translation>请说明该量表无法评估的原因</translation>
    </message>
    <message>
        <source>respondent (patient, proxy or both)</source>
        <translation>应答者（患者本人、代答者或二者）</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Only a draft visit can be completed (this one is {status}).</source>
        <translation>只有草稿访视可以完成（此访视为 {status}）。</translation>
    </message>
    <message>
        <source>The {timepoint} visit of {visit_date} is {status}, not complete: it cannot be signed.</source>
        <translation>{visit_date} 的{timepoint}访视为{status}，未完成：不能签署。</translation>
    </message>
    <message>
        <source>Only a signed visit is amended; a draft or complete visit can be edited directly.</source>
        <translation>只有已签署访视需要修订；草稿或已完成访视可直接编辑。</translation>
    </message>
    <message>
        <source>amending a signed visit requires a reason</source>
        <translation>修订已签署访视须注明原因</translation>
    </message>
    <message>
        <source>worsened since baseline: {base} -&gt; {latest}</source>
        <translation>较基线变差：{base} -&gt; {latest}</translation>
    </message>
    <message>
        <source>latest visit declined: </source>
        <translation>最近一次访视下降：</translation>
    </message>
    <message>
        <source>index disease {disease}</source>
        <translation>原发疾病 {disease}</translation>
    </message>
    <message>
        <source>patients </source>
        <translation>患者 </translation>
    </message>
    <message>
        <source>timepoints </source>
        <translation>时间点 </translation>
    </message>
    <message>
        <source>visits {start} to {end}</source>
        <translation>访视 {start} 至 {end}</translation>
    </message>
    <message>
        <source>assessor {assessor}</source>
        <translation>评估者 {assessor}</translation>
    </message>
    <message>
        <source>all visits</source>
        <translation>全部访视</translation>
    </message>
</context>
<context>
    <name>signoff</name>
    <message>
        <source>Select one or more complete visits to sign.</source>
        <translation>请选择一次或多次已完成的访视进行签署。</translation>
    </message>
    <message>
        <source>Select the signed visit to amend.</source>
        <translation>请选择要修订的已签署访视。</translation>
    </message>
    <message>
        <source>Amend a signed visit</source>
        <translation>修订已签署访视</translation>
    </message>
    <message>
        <source>Why must the signed {timepoint} visit of {date} be changed? (kept with the earlier version)</source>
        <translation>为何要更改 {date} 已签署的{timepoint}访视？（原因随旧版本保存）</translation>
    </message>
    <message>
        <source>This visit has not been amended: there is no earlier version.</source>
        <translation>本次访视未被修订：没有历史版本。</translation>
    </message>
    <message>
        <source>Revision {revision}, signed by {signer}; replaced on {when} by {by}. Reason: {reason}</source>
        <translation>第 {revision} 版，签署人 {signer}；{when} 由 {by} 替换。原因：{reason}</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Trend reviewed</source>
        <translation>已审阅趋势</translation>
    </message>
    <message>
        <source>Note (optional) for today's review of the frailty trend:</source>
        <translation>今天审阅衰弱趋势的备注（可选）：</translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <source>no baseline</source>
        <translation>无基线</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source> ▼ decline</source>
        <translation> ▼ 下降</translation>
    </message>
    <message>
        <source>first visit</source>
        <translation>首次访视</translation>
    </message>
    <message>
        <source>{days} d ({months} mo) since {date}</source>
        <translation>自 {date} 起 {days} 天（{months} 个月）</translation>
    </message>
    <message>
        <source>Δ {label} ({sign} = decline)</source>
        <translation>Δ {label}（{sign} = 下降）</translation>
    </message>
    <message>
        <source> [BASELINE]</source>
        <translation> [基线]</translation>
    </message>
</context>
<context>
    <name>visit_summary</name>
    <message>
        <source>Geriatric assessment — visit summary</source>
        <translation>老年综合评估 — 访视小结</translation>
    </message>
    <message>
        <source>0 fit, 1 intermediate, ≥ 2 frail; higher = frailer</source>
        <translation>0 健壮，1 中等健壮，≥ 2 衰弱；越高越衰弱</translation>
    </message>
    <message>
        <source>Patient {study_id} · visit {fmt} ({timepoint})</source>
        <translation>患者 {study_id} · 访视 {fmt}（{timepoint}）</translation>
    </message>
    <message>
        <source> (revision {revision}; amended: {amendment_reason})</source>
        <translation>（第 {revision} 版；修订原因：{amendment_reason}）</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>访视日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>{fmt} (age {age} at the visit)</source>
        <translation>{fmt}（访视时 {age} 岁）</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估者</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>应答者</translation>
    </message>
    <message>
        <source>Index disease</source>
        <translation>原发疾病</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no scores</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete (not computed from an incomplete instrument: </source>
        <translation>IMWG 衰弱评分：未完成（量表不完整时不计算：</translation>
    </message>
    <message>
        <source>IMWG frailty score {imwg}/5 — {imwg2} ({IMWG_CATEGORIES})</source>
        <translation>IMWG 衰弱评分 {imwg}/5 — {imwg2}（{IMWG_CATEGORIES}）</translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020): not shown — ECOG not recorded</source>
        <translation>简化衰弱评分（Facon 2020）：不显示 — 未记录 ECOG</translation>
    </message>
    <message>
        <source>Simplified frailty score (Facon 2020) {score}/5 — {category} (0-1 non-frail, ≥ 2 frail). A different score from IMWG, which it agrees with only moderately.</source>
        <translation>简化衰弱评分（Facon 2020）{score}/5 — {category}（0-1 非衰弱，≥ 2 衰弱）。与 IMWG 是不同的评分，二者一致性仅为中等。</translation>
    </message>
    <message>
        <source>; age-adjusted CCI {cci_adj} (information only, not used by IMWG)</source>
        <translation>；年龄校正 CCI {cci_adj}（仅供参考，IMWG 不使用）</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation>较基线变化</translation>
    </message>
    <message>
        <source>Items changed since baseline: {words}.</source>
        <translation>较基线改变的条目：{words}。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>疾病</translation>
    </message>
    <message>
        <source>Answers (in the words of each form) and points</source>
        <translation>答案（按各量表措辞）及分值</translation>
    </message>
    <message>
        <source>Form versions: {versions}. Scoring: {get}.</source>
        <translation>量表版本：{versions}。计分：{get}。</translation>
    </message>
    <message>
        <source>Signed by {signed_by} on {fmt}</source>
        <translation>{signed_by} 于 {fmt} 签署</translation>
    </message>
    <message>
        <source>Not signed (status: {status})</source>
        <translation>未签署（状态：{status}）</translation>
    </message>
    <message>
        <source>Completed by {completed_by} on {fmt}</source>
        <translation>{completed_by} 于 {fmt} 完成</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>医师</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>患者本人</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>代答者</translation>
    </message>
    <message>
        <source>both</source>
        <translation>二者</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>错过</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Primary plasma cell leukaemia</source>
        <translation>原发性浆细胞白血病</translation>
    </message>
    <message>
        <source>Secondary plasma cell leukaemia</source>
        <translation>继发性浆细胞白血病</translation>
    </message>
    <message>
        <source>Multiple myeloma</source>
        <translation>多发性骨髓瘤</translation>
    </message>
    <message>
        <source>Smouldering myeloma</source>
        <translation>冒烟型骨髓瘤</translation>
    </message>
    <message>
        <source>AL amyloidosis</source>
        <translation>AL 型淀粉样变性</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Induction start</source>
        <translation>诱导治疗开始</translation>
    </message>
    <message>
        <source>CAR-T infusion</source>
        <translation>CAR-T 回输</translation>
    </message>
    <message>
        <source>Consolidation start</source>
        <translation>巩固治疗开始</translation>
    </message>
    <message>
        <source>Maintenance start</source>
        <translation>维持治疗开始</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>计划外</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>End of induction</source>
        <translation>诱导结束</translation>
    </message>
    <message>
        <source>CAR-T + 1 month</source>
        <translation>CAR-T 后 1 个月</translation>
    </message>
    <message>
        <source>End of consolidation</source>
        <translation>巩固结束</translation>
    </message>
    <message>
        <source>Follow-up month {month}</source>
        <translation>第 {month} 个月随访</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source> — not counted: {not_counted_reason}</source>
        <translation> — 不计分：{not_counted_reason}</translation>
    </message>
    <message>
        <source>{short_title} not assessable: {not_assessable_reason}</source>
        <translation>{short_title} 无法评估：{not_assessable_reason}</translation>
    </message>
    <message>
        <source>{short_title} not recorded (optional)</source>
        <translation>{short_title} 未记录（可选）</translation>
    </message>
    <message>
        <source>total from paper records, no item answers</source>
        <translation>总分来自纸质记录，无逐项答案</translation>
    </message>
    <message>
        <source>{short_title} not recorded (optional; the simplified score needs it)</source>
        <translation>{short_title} 未记录（可选；简化评分需要它）</translation>
    </message>
</context>
</TS>
