<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>至少 10 个字符</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>study ID</source>
        <translation>研究编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>e.g. sign</source>
        <translation>例如 sign</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Export shown…</source>
        <translation>导出所显示的记录…</translation>
    </message>
    <message>
        <source>Entries of the audit trail</source>
        <translation>审计记录条目</translation>
    </message>
    <message>
        <source>{filters}: more rows are read as you scroll</source>
        <translation>{filters}：滚动时继续读取更多记录</translation>
    </message>
    <message>
        <source>Export the audit events shown</source>
        <translation>导出所显示的审计事件</translation>
    </message>
    <message>
        <source>Exported {count} events to {name} ({date})</source>
        <translation>已将 {count} 条事件导出到 {name}（{date}）</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>Chart of the IMWG category at each timepoint</source>
        <translation>各时间点的 IMWG 类别图</translation>
    </message>
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
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Your password was reset by the administrator: type the one-time password you were given, then choose your own (at least 10 characters, not your user name, not a common password).</source>
        <translation>管理员已重置您的密码：请输入您收到的一次性密码，然后设置您自己的密码（至少 10 个字符，不能包含用户名，不能是常见密码）。</translation>
    </message>
    <message>
        <source>Current (or one-time) password</source>
        <translation>当前密码（或一次性密码）</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>the two new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
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
        <source>Include draft visits</source>
        <translation>包括草稿访视</translation>
    </message>
    <message>
        <source>By default only complete and signed visits are counted; drafts are not final.</source>
        <translation>默认只统计已完成和已签名的访视；草稿尚未定稿。</translation>
    </message>
    <message>
        <source>Change from the first baseline (protocol)</source>
        <translation>较首次基线的变化（方案）</translation>
    </message>
    <message>
        <source>Change from the latest baseline</source>
        <translation>较最近基线的变化</translation>
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
        <source>Computing the cohort summary…</source>
        <translation>正在计算队列汇总…</translation>
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
        <source>Index disease</source>
        <translation>原发疾病</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Visits from</source>
        <translation>访视起始日期</translation>
    </message>
    <message>
        <source>Visits to</source>
        <translation>访视截止日期</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估者</translation>
    </message>
    <message>
        <source>Change from which baseline</source>
        <translation>相对于哪个基线的变化</translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation>较基线变化</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>待办列表</translation>
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
        <source>Draft visits included: their scores are not final.</source>
        <translation>已包括草稿访视：其评分尚未定稿。</translation>
    </message>
    <message>
        <source>Complete and signed visits only (drafts left out: {n}).</source>
        <translation>仅统计已完成和已签名的访视（未计入的草稿：{n} 次）。</translation>
    </message>
    <message>
        <source>Change from each patient&apos;s first baseline (patients re-baselined: {n}).</source>
        <translation>较每位患者首次基线的变化（重设过基线的患者：{n} 位）。</translation>
    </message>
    <message>
        <source>Change from each visit&apos;s latest baseline (patients re-baselined: {n}).</source>
        <translation>较每次访视最近基线的变化（重设过基线的患者：{n} 位）。</translation>
    </message>
    <message>
        <source>Patients checked against the schedule: {n}.</source>
        <translation>已按随访计划核查的患者：{n} 位。</translation>
    </message>
    <message>
        <source>Patients who cannot be checked (no diagnosis date or treatment milestone recorded: no due dates): {n}; never seen: {never}. Never seen first, then the longest unseen: {named}</source>
        <translation>无法核查的患者（未记录诊断日期或治疗节点：没有应访日期）：{n} 位；从未就诊：{never} 位。从未就诊者在前，其次为最久未就诊者：{named}</translation>
    </message>
    <message>
        <source>and {more} more.</source>
        <translation>另有 {more} 位。</translation>
    </message>
    <message>
        <source>Mean change from baseline: no visit with a baseline in this selection.</source>
        <translation>较基线的平均变化：所选范围内没有带基线的访视。</translation>
    </message>
    <message>
        <source>Change from baseline: mean, median [quartiles] (n visits) — Katz ADL and Lawton IADL: negative = decline; CCI and IMWG: positive = decline</source>
        <translation>较基线的变化：均值、中位数 [四分位数]（访视数 n）— Katz ADL 和 Lawton IADL：负值 = 下降；CCI 和 IMWG：正值 = 下降</translation>
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
    <name>LockScreen</name>
    <message>
        <source>CGA Desk is locked.</source>
        <translation>CGA Desk 已锁定。</translation>
    </message>
    <message>
        <source>CGA Desk — locked</source>
        <translation>CGA Desk — 已锁定</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>以其他用户身份登录</translation>
    </message>
    <message>
        <source>Signing in closes what {name} had open; their draft visits stay stored as theirs. You start at the patient list.</source>
        <translation>登录后将关闭 {name} 已打开的内容；其访视草稿仍以其名义保存。您将从患者列表开始。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Back to {name}</source>
        <translation>返回 {name}</translation>
    </message>
    <message>
        <source>Locked — {name}</source>
        <translation>已锁定 — {name}</translation>
    </message>
    <message>
        <source>CGA Desk locked itself after a while without input. {name} ({user}): your password brings back everything as you left it.</source>
        <translation>一段时间无操作后，CGA Desk 已自动锁定。{name}（{user}）：输入密码即可恢复您离开时的全部内容。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>· database: {database}</source>
        <translation>· 数据库：{database}</translation>
    </message>
    <message>
        <source>CGA Desk is locked.</source>
        <translation>CGA Desk 已锁定。</translation>
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
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>CSV with codebook (*.csv)</source>
        <translation>CSV 及编码手册 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>ADaM datasets: ADSL, ADQS as CSV and SAS XPT (folder) (*)</source>
        <translation>ADaM 数据集：ADSL、ADQS，CSV 与 SAS XPT（文件夹） (*)</translation>
    </message>
    <message>
        <source>REDCap project: dictionary, events, data (folder) (*)</source>
        <translation>REDCap 项目：数据字典、事件、数据（文件夹） (*)</translation>
    </message>
    <message>
        <source>FHIR R4 bundle (*.json)</source>
        <translation>FHIR R4 资源包 (*.json)</translation>
    </message>
    <message>
        <source>CDISC ODM 1.3.2 (*.xml)</source>
        <translation>CDISC ODM 1.3.2 (*.xml)</translation>
    </message>
    <message>
        <source>&amp;Print the report of this page…</source>
        <translation>打印本页的报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Securit&amp;y settings…</source>
        <translation>安全设置(&amp;Y)…</translation>
    </message>
    <message>
        <source>Sche&amp;dules…</source>
        <translation>随访计划(&amp;D)…</translation>
    </message>
    <message>
        <source>Patients registered in &amp;error…</source>
        <translation>误登记的患者(&amp;E)…</translation>
    </message>
    <message>
        <source>Audit trail and &amp;backups</source>
        <translation>审计记录与备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>校验审计记录(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Backup &amp;folder…</source>
        <translation>备份文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>New re&amp;covery key…</source>
        <translation>新的恢复密钥(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;hange my password…</source>
        <translation>修改我的密码(&amp;H)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>用户手册(&amp;M)</translation>
    </message>
    <message>
        <source>Tab {number}</source>
        <translation>第 {number} 个选项卡</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个选项卡</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个选项卡</translation>
    </message>
    <message>
        <source>Backing up before closing…</source>
        <translation>关闭前正在备份…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in as {full_name} ({name}, {role})</source>
        <translation>当前用户：{full_name}（{name}，{role}）</translation>
    </message>
    <message>
        <source>Loading demo patients…</source>
        <translation>正在载入演示患者…</translation>
    </message>
    <message>
        <source>Demo users</source>
        <translation>演示用户</translation>
    </message>
    <message>
        <source>{patients} demo patients were loaded. Their nurse and physician sign in with these passwords, shown only this once (write them down):

{lines}

Sign out (File &gt; Sign out) and sign in as one of them to record or sign visits.</source>
        <translation>已载入 {patients} 名演示患者。演示护士和演示医师使用以下密码登录，密码仅显示这一次（请记下）：

{lines}

请退出登录（文件 &gt; 退出登录），再以其中一人的身份登录，以记录或签署访视。</translation>
    </message>
    <message>
        <source>Export the analysis dataset or an exchange format</source>
        <translation>导出分析数据集或交换格式</translation>
    </message>
    <message>
        <source>De-identify the export? No names, birth dates or free text; every date moved back by a secret number of days per patient; ages of 90 and over written 90+ (docs/deidentification.md).</source>
        <translation>是否对导出进行去标识化？不含姓名、出生日期和自由文本；每位患者的所有日期按一个保密的天数向前平移；90 岁及以上写作 90+（见 docs/deidentification.md）。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting ({fmt})…</source>
        <translation>正在导出（{fmt}）…</translation>
    </message>
    <message>
        <source>De-identify?</source>
        <translation>去标识化？</translation>
    </message>
    <message>
        <source>Your new password is set.</source>
        <translation>新密码已设置。</translation>
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
        <source>visit summary of {study_id}, {timepoint} {visit_date}</source>
        <translation>{study_id} 的访视小结，{timepoint} {visit_date}</translation>
    </message>
    <message>
        <source>Nothing to print on this page: open a patient (Ctrl+P prints the selected visit&apos;s summary or the longitudinal report) or the cohort view (the cohort summary).</source>
        <translation>本页没有可打印的报告：请打开一位患者（Ctrl+P 打印所选访视的小结或纵向报告）或队列视图（队列汇总）。</translation>
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
    <name>Manual</name>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>[Picture: {alt}. Run `make screenshots` to make the manual&apos;s pictures.]</source>
        <translation>[图片：{alt}。运行 `make screenshots` 生成手册中的图片。]</translation>
    </message>
    <message>
        <source>CGA Desk — User manual</source>
        <translation>CGA Desk — 用户手册</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>Esc closes the manual; F1 opens it again where you are.</source>
        <translation>Esc 关闭手册；F1 在当前位置重新打开。</translation>
    </message>
    <message>
        <source>Close the manual</source>
        <translation>关闭手册</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Add a treatment milestone</source>
        <translation>添加治疗节点</translation>
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
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>why the details are corrected (kept in the audit)</source>
        <translation>更正资料的原因（记入审计记录）</translation>
    </message>
    <message>
        <source>A patient under {adult}?</source>
        <translation>患者未满 {adult} 岁？</translation>
    </message>
    <message>
        <source>The birth date {birth_date} gives an age of {age} years. CGA Desk is for adults: is the birth date right?</source>
        <translation>出生日期 {birth_date} 对应的年龄为 {age} 岁。CGA Desk 用于成年患者：出生日期是否正确？</translation>
    </message>
    <message>
        <source>say why the details are corrected (kept in the audit trail)</source>
        <translation>请说明更正资料的原因（记入审计记录）</translation>
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
        <source>Patients shown</source>
        <translation>显示的患者</translation>
    </message>
    <message>
        <source>Register patient…</source>
        <translation>登记患者…</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>{rowCount} of {total} patients shown. Enter opens the selected patient.</source>
        <translation>显示 {rowCount}/{total} 名患者。按 Enter 打开所选患者。</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source> (due {date})</source>
        <translation>（{date} 到期）</translation>
    </message>
    <message>
        <source> (upcoming: due {date})</source>
        <translation>（即将到期：{date}）</translation>
    </message>
    <message>
        <source> (overdue: it was due {date})</source>
        <translation>（逾期：原定 {date} 到期）</translation>
    </message>
    <message>
        <source> (missed: it was due {date})</source>
        <translation>（错过：原定 {date} 到期）</translation>
    </message>
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
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>Visits of this patient</source>
        <translation>该患者的访视</translation>
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
        <source>Sign selected visits…</source>
        <translation>签署所选访视…</translation>
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
        <source>Amended by {who} on {date}: {reason}</source>
        <translation>由 {who} 于 {date} 修订：{reason}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>{study_id} · MRN {mrn}</source>
        <translation>{study_id} · 病案号 {mrn}</translation>
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
        <source>Schedule: {name} — {timepoints}</source>
        <translation>随访计划：{name} — {timepoints}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
        <source> (not scheduled yet: its treatment milestone is not recorded)</source>
        <translation>（尚未排期：其治疗节点未记录）</translation>
    </message>
    <message>
        <source>Start the {label} visit today{when}</source>
        <translation>今天开始{label}访视{when}</translation>
    </message>
    <message>
        <source>&amp;Discard the draft visit…</source>
        <translation>放弃草稿访视(&amp;D)…</translation>
    </message>
    <message>
        <source>Correct the study &amp;ID…</source>
        <translation>更正研究编号(&amp;I)…</translation>
    </message>
    <message>
        <source>Correct the patient&apos;s de&amp;tails…</source>
        <translation>更正患者资料(&amp;T)…</translation>
    </message>
    <message>
        <source>Move to another &amp;schedule…</source>
        <translation>改用其他随访计划(&amp;S)…</translation>
    </message>
    <message>
        <source>Registered in &amp;error…</source>
        <translation>误登记(&amp;E)…</translation>
    </message>
    <message>
        <source>This patient has no draft visit to discard.</source>
        <translation>该患者没有可放弃的草稿访视。</translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <source>IMWG points of the baseline and of the selected visit</source>
        <translation>基线与所选随访的 IMWG 评分点</translation>
    </message>
    <message>
        <source>No visit to show the IMWG points of.</source>
        <translation>没有可显示 IMWG 评分点的随访。</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Baseline (this visit)</source>
        <translation>基线（即本次随访）</translation>
    </message>
    <message>
        <source>Selected visit</source>
        <translation>所选随访</translation>
    </message>
    <message>
        <source>Latest visit with a score</source>
        <translation>最近一次有评分的随访</translation>
    </message>
    <message>
        <source>{which}: {timepoint}, {date}</source>
        <translation>{which}：{timepoint}，{date}</translation>
    </message>
    <message>
        <source>IMWG frailty score: incomplete</source>
        <translation>IMWG 衰弱评分：不完整</translation>
    </message>
    <message>
        <source>IMWG frailty score {score}/5: {category}</source>
        <translation>IMWG 衰弱评分 {score}/5：{category}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{item}: {answer}</source>
        <translation>{item}：{answer}</translation>
    </message>
    <message>
        <source>earned by: {answers}</source>
        <translation>得分来自：{answers}</translation>
    </message>
    <message>
        <source>counting towards it: {answers}</source>
        <translation>计入该项：{answers}</translation>
    </message>
    <message>
        <source>Answers changed since the baseline, under the score they moved</source>
        <translation>自基线以来变化的回答（按其影响的评分分组）</translation>
    </message>
    <message>
        <source>No answer changed.</source>
        <translation>没有回答变化。</translation>
    </message>
    <message>
        <source>{move} (not part of the IMWG score)</source>
        <translation>{move}（不计入 IMWG 评分）</translation>
    </message>
    <message>
        <source>{move} · its IMWG point {before} {arrow} {after}</source>
        <translation>{move} · 其 IMWG 评分点 {before} {arrow} {after}</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Open the database with its recovery key</source>
        <translation>用恢复密钥打开数据库</translation>
    </message>
    <message>
        <source>When every administrator password is lost: type the recovery key printed on the database&apos;s first day, an administrator&apos;s user name (or a new one), and a new password twice. This is recorded in the audit trail.</source>
        <translation>当所有管理员密码都丢失时：输入数据库启用当天打印的恢复密钥、一位管理员的用户名（或一个新用户名），并输入两次新密码。此操作会记入审计追踪。</translation>
    </message>
    <message>
        <source>for a new administrator</source>
        <translation>新管理员填写</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Administrator&apos;s user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>the two new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The recovery key of this database</source>
        <translation>本数据库的恢复密钥</translation>
    </message>
    <message>
        <source>This database is encrypted: it is unlocked by signing in. If every administrator password is ever lost, only this recovery key opens it again (Forgot every administrator password? on the sign-in page). It is shown only now. Print it or write it down, and keep it in a safe, away from the computer: whoever has it and a copy of the database can read every patient in it.</source>
        <translation>本数据库已加密：登录即解锁。如果所有管理员密码都丢失，只有此恢复密钥能再次打开它（登录页上的“忘记了所有管理员密码？”）。它只显示这一次。请打印或抄写下来，存放在保险柜中，远离这台电脑：任何人持有它和数据库副本，就能读取其中每一位患者的资料。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and will keep it in a safe</source>
        <translation>我已打印或抄写恢复密钥，并会将其存放在保险柜中</translation>
    </message>
    <message>
        <source>CGA Desk — recovery key</source>
        <translation>CGA Desk — 恢复密钥</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <source>Keep this page in a safe. With it, an administrator password can be set again: sign-in page, Forgot every administrator password?, or cga-desk recover --db DATABASE --recovery-key-file FILE.</source>
        <translation>请将此页存放在保险柜中。凭它可以重新设置管理员密码：登录页的“忘记了所有管理员密码？”，或 cga-desk recover --db DATABASE --recovery-key-file FILE。</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>Page {number} of the report</source>
        <translation>报告第 {number} 页</translation>
    </message>
    <message>
        <source>Pages of the report</source>
        <translation>报告各页</translation>
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
        <source>Every answer of this visit</source>
        <translation>本次访视的全部回答</translation>
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
        <source>Amended by {who} on {date}: {reason}</source>
        <translation>由 {who} 于 {date} 修订：{reason}</translation>
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
    <message>
        <source> (compared with {date})</source>
        <translation>（与 {date} 比较）</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>◆ changed — {question}: {now} (last time: {last})</source>
        <translation>◆ 已变化 — {question}：{now}（上次：{last}）</translation>
    </message>
    <message>
        <source>{question}: {answer}</source>
        <translation>{question}：{answer}</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsDialog</name>
    <message>
        <source>Security settings</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Default {minutes} minutes</source>
        <translation>默认 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>无操作多久后锁定窗口</translation>
    </message>
    <message>
        <source>Meanings of a signature
(one per line; the first is the default)</source>
        <translation>签名含义
（每行一个；第一个为默认）</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign visits</source>
        <translation>签署访视</translation>
    </message>
    <message>
        <source>{name} signs 1 visit:</source>
        <translation>{name} 签署 1 次访视：</translation>
    </message>
    <message>
        <source>{name} signs {count} visits:</source>
        <translation>{name} 签署 {count} 次访视：</translation>
    </message>
    <message>
        <source>The signature records your name, the date and time, its meaning and a fingerprint of what you sign: a later change to the visit shows it as invalid.</source>
        <translation>签名将记录您的姓名、日期和时间、签名含义以及所签内容的指纹：此后对访视的任何更改都会使签名显示为无效。</translation>
    </message>
    <message>
        <source>your password, again, to sign</source>
        <translation>请再次输入您的密码以签名</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, e.g. liwei</source>
        <translation>字母、数字、“.”、“_”或“-”，例如 liwei</translation>
    </message>
    <message>
        <source>as printed with a signature, e.g. Dr Li Wei</source>
        <translation>与签名一同打印的姓名，例如 李伟 医生</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>Load demo data? About 40 invented patients following the pPCL protocol, with a demo nurse and a demo physician whose passwords are shown once. Every page and report will then say DEMO DATA: use a separate database for real patients.</source>
        <translation>是否载入演示数据？约 40 名按 pPCL 方案随访的虚构患者，以及一名演示护士和一名演示医师（其密码只显示一次）。此后每个页面和每份报告都会标明“演示数据”：真实患者请使用另一个数据库。</translation>
    </message>
    <message>
        <source>Enter, from any field</source>
        <translation>在任一输入框中按 Enter</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Forgot every administrator password?</source>
        <translation>忘记了所有管理员密码？</translation>
    </message>
    <message>
        <source>Opening the database: you are signed in as soon as it is open…</source>
        <translation>正在打开数据库：打开后即为您登录…</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>This database is empty. First create its administrator: the administrator creates the nurses&apos; and physicians&apos; accounts (File &gt; Users…) and sets the clinic&apos;s settings, but does not record or sign visits. A password has at least 10 characters, does not contain the user name and is not a common password. Demo data is offered next.</source>
        <translation>此数据库为空。请先创建管理员：管理员负责创建护士和医师的账户（文件 &gt; 用户管理…）并设置诊所的各项设置，但不记录也不签署访视。密码至少 10 个字符，不能包含用户名，不能是常见密码。接下来将提供演示数据。</translation>
    </message>
    <message>
        <source>The database is encrypted with a key that signing in unlocks; its recovery key is shown next, once, to be printed and kept in a safe.</source>
        <translation>数据库用一把密钥加密，登录即解锁；接下来会显示一次它的恢复密钥，请打印并存放在保险柜中。</translation>
    </message>
    <message>
        <source>Set the administrator&apos;s password</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <source>This database comes from a version of CGA Desk without passwords. Before anyone can sign in, an administrator sets a password: type the user name of an existing administrator (or a new one), the full name printed with a signature, and the password twice. The administrator then gives every other user a one-time password (File &gt; Users…), to be replaced at their first sign-in.</source>
        <translation>此数据库来自没有密码功能的 CGA Desk 版本。在任何人登录之前，须由管理员设置密码：请输入现有管理员（或新管理员）的用户名、与签名一同打印的姓名，并输入两次密码。然后由管理员为其他每位用户设置一次性密码（文件 &gt; 用户管理…），用户首次登录时须更换。</translation>
    </message>
    <message>
        <source>Set the password and sign in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <source>Sign in to CGA Desk</source>
        <translation>登录 CGA Desk</translation>
    </message>
    <message>
        <source>Your user name and password. Ask the administrator if you have no account.</source>
        <translation>请输入您的用户名和密码。如果您还没有账户，请联系管理员。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>You must choose a new password before using CGA Desk.</source>
        <translation>使用 CGA Desk 之前，您必须设置新密码。</translation>
    </message>
    <message>
        <source>Unlocking and opening the database…</source>
        <translation>正在解锁并打开数据库…</translation>
    </message>
    <message>
        <source>The administrator is ready</source>
        <translation>管理员已创建</translation>
    </message>
    <message>
        <source>You are signed in as {name}, the administrator. Next: create the accounts of the nurses and physicians (File &gt; Users…).</source>
        <translation>您已作为管理员 {name} 登录。下一步：创建护士和医师的账户（文件 &gt; 用户管理…）。</translation>
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
    <name>TrendCharts</name>
    <message>
        <source>Charts of the scores over time</source>
        <translation>评分随时间变化图</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>Scores and change from baseline at each visit</source>
        <translation>每次访视的评分及较基线变化</translation>
    </message>
    <message>
        <source>Mark selected visit as baseline</source>
        <translation>将所选访视设为基线</translation>
    </message>
    <message>
        <source>Unmark baseline</source>
        <translation>取消基线</translation>
    </message>
    <message>
        <source>Trend reviewed…</source>
        <translation>趋势已审阅…</translation>
    </message>
    <message>
        <source>Change = visit − baseline. Katz and Lawton: a fall is a decline. CCI and IMWG: a rise is a decline. Each visit is compared with the latest baseline on or before its date.</source>
        <translation>变化 = 本次访视 − 基线。Katz 和 Lawton：降低即为下降。CCI 和 IMWG：升高即为下降。每次访视与其日期当天或之前最近的基线比较。</translation>
    </message>
    <message>
        <source>Answers changed since the baseline</source>
        <translation>自基线以来变化的回答</translation>
    </message>
    <message>
        <source>Charts of the scores over time</source>
        <translation>评分随时间变化图</translation>
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
    <name>UsersDialog</name>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>no password yet (reset it to give a one-time password)</source>
        <translation>尚无密码（重置以提供一次性密码）</translation>
    </message>
    <message>
        <source>must choose a new password</source>
        <translation>须设置新密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Users are never deleted (signatures and the audit trail name them): deactivate them instead. A reset gives a one-time password, shown once, to be replaced at the next sign-in.</source>
        <translation>用户永不删除（签名和审计记录中有其姓名）：请改为停用。重置密码会生成一个只显示一次的一次性密码，用户下次登录时须更换。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择一位用户。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give {full_name} ({name}) a one-time password? Their current password stops working; they choose a new one at their next sign-in.</source>
        <translation>为 {full_name}（{name}）生成一次性密码？其当前密码将失效；下次登录时须设置新密码。</translation>
    </message>
    <message>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <source>The one-time password of {full_name} ({name}) is:

{password}

It is shown only this once: give it to them. They choose their own password when they sign in.</source>
        <translation>{full_name}（{name}）的一次性密码是：

{password}

此密码仅显示这一次：请交给该用户。其登录时将设置自己的密码。</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Deactivate {full_name} ({name})? They can no longer sign in. Their name stays on what they recorded and signed.</source>
        <translation>停用 {full_name}（{name}）？该用户将无法再登录。其记录和签署过的内容上仍保留其姓名。</translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <source>Click a step to go to its first question</source>
        <translation>点击步骤即可转到其第一个问题</translation>
    </message>
    <message>
        <source>Find a question by its words</source>
        <translation>按字词查找问题</translation>
    </message>
    <message>
        <source>Find a question by its words (/)</source>
        <translation>按字词查找问题（/）</translation>
    </message>
    <message>
        <source>Type words of a question, Enter goes to it; Esc returns to the question</source>
        <translation>输入问题中的字词，按 Enter 转到该问题；按 Esc 返回当前问题</translation>
    </message>
    <message>
        <source>Keys: a digit answers and moves on · a letter changes that item of a “last time” list · /: find a question · Enter or Tab: next · Backspace: back · Esc: close</source>
        <translation>按键：数字键作答并前进 · 在“上次”列表中按字母修改该项 · /：查找问题 · Enter 或 Tab：下一题 · Backspace：上一题 · Esc：关闭</translation>
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
        <source>Apply my answer again (R)</source>
        <translation>重新应用我的回答（R）</translation>
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
        <source>Your answer “{key} {label}” was NOT saved: the visit changed on another workstation and is shown as stored now. Press R to apply your answer again.</source>
        <translation>您的回答“{key} {label}”未保存：该访视已在另一台工作站上被修改，现显示为当前保存的内容。按 R 重新应用您的回答。</translation>
    </message>
    <message>
        <source>Last time ({date}): {answer}</source>
        <translation>上次（{date}）：{answer}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>{title}: last time {last} → now {now} ◆ changed</source>
        <translation>{title}：上次 {last} → 现在 {now} ◆ 已变化</translation>
    </message>
    <message>
        <source>{title}: {last}</source>
        <translation>{title}：{last}</translation>
    </message>
    <message>
        <source>No question has the words “{words}”.</source>
        <translation>没有问题包含字词“{words}”。</translation>
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
    <name>access</name>
    <message>
        <source>read patient records</source>
        <translation>查看患者记录</translation>
    </message>
    <message>
        <source>register and edit patients</source>
        <translation>登记和编辑患者</translation>
    </message>
    <message>
        <source>record and complete visits</source>
        <translation>记录和完成访视</translation>
    </message>
    <message>
        <source>print reports</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>sign visits</source>
        <translation>签署访视</translation>
    </message>
    <message>
        <source>amend signed visits</source>
        <translation>修订已签署的访视</translation>
    </message>
    <message>
        <source>record a trend review</source>
        <translation>记录趋势审阅</translation>
    </message>
    <message>
        <source>export the analysis dataset</source>
        <translation>导出分析数据集</translation>
    </message>
    <message>
        <source>import visit records</source>
        <translation>导入访视记录</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>change schedules</source>
        <translation>更改随访计划</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>back up and restore</source>
        <translation>备份和恢复</translation>
    </message>
    <message>
        <source>load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>undo a registered-in-error mark</source>
        <translation>撤销“登记错误”标记</translation>
    </message>
    <message>
        <source>Sign in first: only a signed-in user may {action}.</source>
        <translation>请先登录：只有已登录的用户才能{action}。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>{name} is {role}: only {allowed} may {action}.</source>
        <translation>{name} 的角色是{role}：只有{allowed}才能{action}。</translation>
    </message>
    <message>
        <source>a nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>a physician</source>
        <translation>医师</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>管理员</translation>
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
    <message>
        <source>Item answers: not compared ({no_baseline}).</source>
        <translation>条目答案：未比较（{no_baseline}）。</translation>
    </message>
    <message>
        <source>Items changed since baseline: {words}.</source>
        <translation>较基线改变的条目：{words}。</translation>
    </message>
    <message>
        <source>No item answer of {names} changed since baseline.</source>
        <translation>{names} 的条目答案较基线均未改变。</translation>
    </message>
    <message>
        <source>Not compared item by item: {names} (a total only, or no answers, at this visit or at baseline).</source>
        <translation>未逐条比较：{names}（本次访视或基线仅有总分或无答案）。</translation>
    </message>
    <message>
        <source>DRAFT — not signed</source>
        <translation>草稿 — 未签署</translation>
    </message>
    <message>
        <source>SIGNATURE INVALID</source>
        <translation>签名无效</translation>
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
        <source>signed visit</source>
        <translation>已签署的访视</translation>
    </message>
    <message>
        <source>not signed (draft or awaiting signature)</source>
        <translation>未签署（草稿或待签署）</translation>
    </message>
    <message>
        <source>baseline (filled when signed)</source>
        <translation>基线（签署后为实心）</translation>
    </message>
    <message>
        <source>incomplete: not scored, marked in the grey band under the axis</source>
        <translation>未完成：未计分，标在坐标轴下方的灰色带中</translation>
    </message>
    <message>
        <source>treatment milestone (numbered)</source>
        <translation>治疗节点（编号）</translation>
    </message>
    <message>
        <source>no complete value to plot</source>
        <translation>没有可绘制的完整数值</translation>
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
        <source>{instrument} item &apos;{item}&apos;: {options}.</source>
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
        <source>the option&apos;s value shown, not its points</source>
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
        <source>A summary: each list prints at most {listed} patients. Every patient is in the window&apos;s cohort view (File &gt; Cohort view) and in the analysis dataset.</source>
        <translation>本报告为摘要：每个列表最多打印 {listed} 位患者。所有患者均可在程序的队列视图（文件 &gt; 队列视图）和分析数据集中查看。</translation>
    </message>
    <message>
        <source>Draft visits included (on request): their scores are not final.</source>
        <translation>已按要求包括草稿访视：其评分尚未定稿。</translation>
    </message>
    <message>
        <source>Complete and signed visits only; draft visits left out (neither counted nor used as a baseline): {n}.</source>
        <translation>仅统计已完成和已签名的访视；未计入的草稿访视（既不统计，也不作为基线）：{n} 次。</translation>
    </message>
    <message>
        <source>Change from the first baseline: every visit is compared with the patient&apos;s first baseline, the protocol&apos;s comparator, also after a re-baselining (patients re-baselined: {n}).</source>
        <translation>较首次基线的变化：每次访视均与该患者的首次基线（方案规定的比较对象）比较，重设基线后亦然（重设过基线的患者：{n} 位）。</translation>
    </message>
    <message>
        <source>Change from the latest baseline: every visit is compared with the patient&apos;s most recent baseline on or before it (patients re-baselined, compared with their new baseline from then on: {n}).</source>
        <translation>较最近基线的变化：每次访视与该患者在其当日或之前最近的基线比较（重设过基线、自重设起与新基线比较的患者：{n} 位）。</translation>
    </message>
    <message>
        <source>Chosen with --include-drafts and --baseline first|latest (cga-desk report --cohort), or in the window&apos;s cohort view.</source>
        <translation>可通过 --include-drafts 和 --baseline first|latest（cga-desk report --cohort）或在程序的队列视图中选择。</translation>
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
        <source>Too many timepoints to name under the bars: they are numbered as the rows of the table below (every bar is drawn; a number is left out where it would touch its neighbour).</source>
        <translation>时间点过多，柱下无法标注名称：按下表的行号编号（每根柱都已绘出；编号会与相邻编号重叠时省略）。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Timepoint</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>(IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail; number of visits)</source>
        <translation>（IMWG 分类：0 健壮，1 中等健壮，≥ 2 衰弱；访视数）</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>变差</translation>
    </message>
    <message>
        <source>better</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>Change from baseline per timepoint</source>
        <translation>各时间点较基线的变化</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>median [IQR]</source>
        <translation>中位数 [四分位距]</translation>
    </message>
    <message>
        <source>n: visits of that timepoint with a baseline and both scores complete. Mean, median and quartiles [first, third] of (visit − its baseline); quartiles by linear interpolation between the ordered values. ▲ the mean rose, ▼ it fell; worse: it moved in the direction of decline, better: away from it.</source>
        <translation>n：该时间点有基线且两次评分均完整的访视数。（访视 − 其基线）的均值、中位数和四分位数 [第一、第三]；四分位数按有序值之间的线性插值计算。▲ 均值上升，▼ 均值下降；变差：朝下降方向变化，改善：朝相反方向变化。</translation>
    </message>
    <message>
        <source>No timepoint is overdue on {date} among the patients whose due dates can be computed ({n}).</source>
        <translation>截至 {date}，在可计算应访日期的患者（{n} 位）中没有逾期的时间点。</translation>
    </message>
    <message>
        <source>No patient in this selection.</source>
        <translation>当前筛选中没有患者。</translation>
    </message>
    <message>
        <source>Timepoints overdue on {date}: {k}; patients concerned: {p}, of the {n} whose due dates can be computed.</source>
        <translation>截至 {date} 逾期的时间点：{k} 个；涉及患者：{p} 位（共 {n} 位可计算应访日期的患者）。</translation>
    </message>
    <message>
        <source>Patients overdue</source>
        <translation>逾期患者数</translation>
    </message>
    <message>
        <source>Longest, days</source>
        <translation>最长逾期（天）</translation>
    </message>
    <message>
        <source>The {listed} longest overdue:</source>
        <translation>逾期最久的 {listed} 项：</translation>
    </message>
    <message>
        <source>Patients who cannot be checked: {n}. No diagnosis date and no treatment milestone the schedule needs is recorded for them, so none of their timepoints has a due date and none can be overdue. Without a visit: {never}; last seen more than {months} months ago: {stale}.</source>
        <translation>无法核查的患者：{n} 位。这些患者未记录诊断日期，也未记录随访计划所需的治疗节点，因此其任何时间点都没有应访日期，也就无法判断是否逾期。没有访视：{never} 位；最近一次就诊已超过 {months} 个月：{stale} 位。</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近一次访视</translation>
    </message>
    <message>
        <source>never seen</source>
        <translation>从未就诊</translation>
    </message>
    <message>
        <source>The first {listed} (never seen first, then the longest unseen):</source>
        <translation>前 {listed} 位（从未就诊者在前，其次为最久未就诊者）：</translation>
    </message>
    <message>
        <source>No visit with a baseline yet.</source>
        <translation>尚无带基线的访视。</translation>
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
        <source>Patients on the worklist: {total} (IMWG category worse than at baseline: {worsened}; latest visit declined, category not worse: {declined}; with a trend-review note: {reviewed}).</source>
        <translation>待办列表中的患者：{total} 位（IMWG 分类较基线变差：{worsened} 位；最近一次访视下降但分类未变差：{declined} 位；已有趋势审阅记录：{reviewed} 位）。</translation>
    </message>
    <message>
        <source>The first {listed} (not yet reviewed first, then worsened categories, by study ID):</source>
        <translation>前 {listed} 位（尚未审阅者在前，其次为分类变差者，按研究编号排序）：</translation>
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
        <source>Due date</source>
        <translation>应评估日期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>corrections</name>
    <message>
        <source>required; kept in the audit trail</source>
        <translation>必填；记入审计记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>say why (kept in the audit trail)</source>
        <translation>请说明原因（记入审计记录）</translation>
    </message>
    <message>
        <source>Discard a draft visit</source>
        <translation>放弃草稿访视</translation>
    </message>
    <message>
        <source>Discard the draft {timepoint} visit of {visit_date}? Its answers are removed; the audit trail keeps what it held and why it was discarded.</source>
        <translation>放弃 {visit_date} 的{timepoint}草稿访视？其答案将被删除；审计记录会保留其内容及放弃原因。</translation>
    </message>
    <message>
        <source>Correct the study ID</source>
        <translation>更正研究编号</translation>
    </message>
    <message>
        <source>The study ID {study_id} is corrected; the patient keeps every visit and the audit trail keeps the old ID.</source>
        <translation>更正研究编号 {study_id}；患者保留所有访视，审计记录保留原编号。</translation>
    </message>
    <message>
        <source>New study ID</source>
        <translation>新研究编号</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>误登记</translation>
    </message>
    <message>
        <source>Mark {study_id} as registered in error (a duplicate, the wrong person)? The patient leaves the lists, the cohort and the exports; the record and its audit trail are kept, and an administrator can undo the mark.</source>
        <translation>将 {study_id} 标记为误登记（重复登记或登记错人）？该患者将从列表、队列和导出中移除；记录及其审计记录均予保留，管理员可撤销该标记。</translation>
    </message>
    <message>
        <source>Patients registered in error</source>
        <translation>误登记的患者</translation>
    </message>
    <message>
        <source>These patients are hidden from the lists and exports. Choose one and give the reason to bring it back.</source>
        <translation>这些患者已从列表和导出中隐藏。选择一位患者并说明原因即可恢复。</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>no patient is marked registered in error</source>
        <translation>没有标记为误登记的患者</translation>
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
    <message>
        <source>someone</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source> at {time}</source>
        <translation>于 {time}</translation>
    </message>
    <message>
        <source>This visit was changed by {who}{when} on another workstation — reloaded. Nothing was saved.</source>
        <translation>此访视已由 {who}{when}在另一台工作站上修改 — 已重新载入。本次未保存任何内容。</translation>
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
    <message>
        <source>a schedule needs a name</source>
        <translation>随访计划需要名称</translation>
    </message>
    <message>
        <source>a schedule&apos;s name has at most 120 characters</source>
        <translation>随访计划名称最多 120 个字符</translation>
    </message>
    <message>
        <source>a schedule needs at least one timepoint</source>
        <translation>随访计划至少需要一个时间点</translation>
    </message>
    <message>
        <source>give the timepoint a name (not &apos;Unscheduled&apos;)</source>
        <translation>请为时间点命名（不能为“Unscheduled”）</translation>
    </message>
    <message>
        <source>a timepoint&apos;s name has at most 80 characters</source>
        <translation>时间点名称最多 80 个字符</translation>
    </message>
    <message>
        <source>{value!r} is not one of {join}</source>
        <translation>{value!r} 不在以下选项中：{join}</translation>
    </message>
    <message>
        <source>{value} is out of range {low}-{high}</source>
        <translation>{value} 超出范围 {low}-{high}</translation>
    </message>
    <message>
        <source>a repeating timepoint&apos;s name holds {month} (e.g. &apos;Follow-up month {month}&apos;), and only a repeating one&apos;s</source>
        <translation>重复的时间点名称须包含 {month}（例如“第 {month} 个月随访”），且只有重复的时间点可以包含</translation>
    </message>
    <message>
        <source>give the last month, from {every} to 1200</source>
        <translation>请填写最后一个月，范围 {every} 至 1200</translation>
    </message>
    <message>
        <source>± {days} days makes the windows of a timepoint every {every} months overlap</source>
        <translation>± {days} 天会使每 {every} 个月一次的时间点窗口相互重叠</translation>
    </message>
    <message>
        <source>{name!r} is the name of another timepoint</source>
        <translation>{name!r} 已是另一个时间点的名称</translation>
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
        <source>How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, the most recent baseline on or before the visit; ▲ marks a rise and ▼ a fall, followed by what it means for that score: “{declined}” or “{improved}”. “{no_baseline}” and “{incomplete}” are never counted as 0. Months since baseline = days ÷ 30.44. Baseline column: the date of the baseline a visit is compared with; a marked baseline was chosen by the clinic; a re-marked baseline is a later marked one, the comparator of the visits after it; a derived baseline is the earliest visit with Katz, Lawton and Charlson complete, when no visit is marked. Numbered dashed lines on the charts = treatment milestones.</source>
        <translation>阅读说明。Katz ADL（0-6）和 Lawton IADL（0-8）：分数越高越独立，下降即为功能下降。Charlson CCI（未校正）和 IMWG 衰弱评分（0-5）：分数越高越差，上升即为下降。IMWG 分类：0 健壮，1 中等健壮，≥ 2 衰弱（阴影带）。变化（Δ）= 本次访视 − 其基线（访视当天或之前最近的基线）；▲ 表示数值上升，▼ 表示数值下降，其后说明对该评分的含义：“{declined}”或“{improved}”。“{no_baseline}”和“{incomplete}”从不计为 0。距基线月数 = 天数 ÷ 30.44。基线列：该访视所比较的基线日期；标记基线由诊所选定；重新标记的基线是较晚标记的基线，是其后各次访视的比较对象；推定基线是在未标记任何访视时，Katz、Lawton 和 Charlson 均完整的最早访视。图中编号虚线 = 治疗节点。</translation>
    </message>
    <message>
        <source>Each column is a visit. A cell gives the answer in the words of the form where it changed since the previous visit (in bold on a shaded ground, with ▲/▼ and a word for the way its points moved and what that means) and in each block&apos;s first column; “{same}” where the answer is the one in the cell to its left. Items whose answer never changed are listed once, above the grid.</source>
        <translation>每列为一次访视。答案较上次访视改变时（粗体、底色标示，并以 ▲/▼ 和文字说明分值变化方向及其含义）以及每组的第一列，单元格以量表原文给出答案；与左侧单元格答案相同时写“{same}”。答案从未改变的条目在表格上方列出一次。</translation>
    </message>
    <message>
        <source>same</source>
        <translation>同左</translation>
    </message>
    <message>
        <source>The same answer at every visit:</source>
        <translation>每次访视答案相同：</translation>
    </message>
    <message>
        <source>Answers at the only visit:</source>
        <translation>唯一一次访视的答案：</translation>
    </message>
    <message>
        <source>incom-|plete</source>
        <translation>未完成</translation>
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
        <source>Answered by</source>
        <translation>作答者</translation>
    </message>
    <message>
        <source>Months since baseline</source>
        <translation>距基线月数</translation>
    </message>
    <message>
        <source>IMWG score and category</source>
        <translation>IMWG 评分及分类</translation>
    </message>
    <message>
        <source>Since the previous visit</source>
        <translation>较上次访视</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>{names}: {incomplete}</source>
        <translation>{names}：{incomplete}</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>re-marked baseline</source>
        <translation>重新标记的基线</translation>
    </message>
    <message>
        <source>marked baseline</source>
        <translation>标记基线</translation>
    </message>
    <message>
        <source>derived baseline</source>
        <translation>推定基线</translation>
    </message>
    <message>
        <source>not assessable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>total only</source>
        <translation>仅有总分</translation>
    </message>
    <message>
        <source>Item answers at each visit</source>
        <translation>各次访视的条目答案</translation>
    </message>
    <message>
        <source>{items}: {answer}</source>
        <translation>{items}：{answer}</translation>
    </message>
    <message>
        <source>One visit: no answer to compare with another visit.</source>
        <translation>仅一次访视：没有可与其他访视比较的答案。</translation>
    </message>
    <message>
        <source>No visit has answers item by item (totals from paper records, or not answered): items cannot be compared.</source>
        <translation>没有访视逐条作答（仅有纸质记录的总分或未作答）：无法比较条目。</translation>
    </message>
    <message>
        <source>No item answer changed from one visit to the next.</source>
        <translation>各次访视之间没有条目答案改变。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>No visit is signed.</source>
        <translation>没有已签署的访视。</translation>
    </message>
    <message>
        <source>Trend reviews</source>
        <translation>趋势审阅</translation>
    </message>
    <message>
        <source>No trend review has been recorded for this patient.</source>
        <translation>该患者尚无趋势审阅记录。</translation>
    </message>
    <message>
        <source>{fmt}: trend reviewed by {who}, recorded {time}</source>
        <translation>{fmt}：{who} 审阅了趋势，记录于 {time}</translation>
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
        <source>declined</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>improved</source>
        <translation>改善</translation>
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
    <message>
        <source>signature invalid: content changed after signing</source>
        <translation>签名无效：签名后内容已更改</translation>
    </message>
    <message>
        <source>DEMO DATA — not a patient record</source>
        <translation>演示数据 — 非真实患者记录</translation>
    </message>
    <message>
        <source>Electronically signed by {full_name} ({signer}) on {time} — {meaning}</source>
        <translation>由 {full_name}（{signer}）于 {time} 电子签名 — {meaning}</translation>
    </message>
    <message>
        <source>Signed by {signer}{when} (before electronic signatures: no content hash to check)</source>
        <translation>由 {signer}{when}签署（电子签名启用之前：无可校验的内容哈希）</translation>
    </message>
    <message>
        <source> on {time}</source>
        <translation>于 {time} </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Reviewed and approved</source>
        <translation>已审阅并批准</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Approved with comments in the record</source>
        <translation>已批准，意见见记录</translation>
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
        <source>{last} · ✎ draft</source>
        <translation>{last} · ✎ 草稿</translation>
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
        <source>The latest completed or signed visit; ✎ draft: a visit is started, not completed</source>
        <translation>最近一次已完成或已签署的访视；✎ 草稿：有访视已开始但未完成</translation>
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
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Who signed and what the signature means; &apos;signature invalid&apos; when the visit changed after signing</source>
        <translation>签名人及签名含义；签名后访视被更改则显示“签名无效”</translation>
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
        <source>Hospital record number (MRN)</source>
        <translation>病案号（MRN）</translation>
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
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（YYYY-MM-DD）</translation>
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
    <name>protect</name>
    <message>
        <source>The audit trail has been changed outside CGA Desk, or is damaged.

{describe}

Nothing has been changed by this check. Tell your administrator: the trail can be checked in full with File &gt; Verify audit trail or `cga-desk audit verify`, and the database restored from a backup.</source>
        <translation>审计记录在 CGA Desk 之外被更改，或已损坏。

{describe}

此次检查未更改任何内容。请告知管理员：可通过“文件 &gt; 校验审计记录”或 `cga-desk audit verify` 完整校验审计记录，并从备份恢复数据库。</translation>
    </message>
    <message>
        <source>CGA Desk — audit trail</source>
        <translation>CGA Desk — 审计记录</translation>
    </message>
    <message>
        <source>Only an administrator can {what}.</source>
        <translation>只有管理员才能{what}。</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>check the whole audit trail</source>
        <translation>校验全部审计记录</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <source>CGA Desk — backup on close</source>
        <translation>CGA Desk — 关闭时备份</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>已备份到 {file}</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Folder for the automatic backups</source>
        <translation>自动备份的文件夹</translation>
    </message>
    <message>
        <source>restore the database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>CGA Desk backups (*.sqlite3);;All files (*)</source>
        <translation>CGA Desk 备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore?</source>
        <translation>恢复？</translation>
    </message>
    <message>
        <source>Replace the database with the backup {name}?

The backup is checked first; the current database is kept beside it. Close CGA Desk on every other workstation first. CGA Desk closes afterwards.</source>
        <translation>用备份 {name} 替换当前数据库？

将先校验备份；当前数据库会保留在其旁边。请先关闭其他所有工作站上的 CGA Desk。完成后 CGA Desk 将关闭。</translation>
    </message>
    <message>
        <source>CGA Desk — restored</source>
        <translation>CGA Desk — 已恢复</translation>
    </message>
    <message>
        <source>Restored from {name}.</source>
        <translation>已从 {name} 恢复。</translation>
    </message>
    <message>
        <source>The database it replaced is kept at {kept}.</source>
        <translation>被替换的数据库保存在 {kept}。</translation>
    </message>
    <message>
        <source>CGA Desk will now close; start it again.</source>
        <translation>CGA Desk 即将关闭；请重新启动。</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>正在校验并恢复备份…</translation>
    </message>
    <message>
        <source>replace the recovery key</source>
        <translation>更换恢复密钥</translation>
    </message>
    <message>
        <source>New recovery key?</source>
        <translation>生成新的恢复密钥？</translation>
    </message>
    <message>
        <source>Make a new recovery key for this database?

The old recovery key will no longer open it. It still opens the backups made before now: destroy the old key once those backups are gone. The new key is shown once, to print or write down.</source>
        <translation>为此数据库生成新的恢复密钥？

旧的恢复密钥将无法再打开此数据库，但仍可打开此前制作的备份：这些备份不再需要后，请销毁旧密钥。新密钥只显示一次，请打印或抄写下来。</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: it is backed up with pg_dump (docs/security.md).</source>
        <translation>此数据库位于 PostgreSQL 服务器上：请使用 pg_dump 备份（docs/security.md）。</translation>
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
        <source>{instrument}: the answers of the last visit ({timepoint}, {date})</source>
        <translation>{instrument}：上次随访的回答（{timepoint}，{date}）</translation>
    </message>
    <message>
        <source>Go through the list with the patient. 1: all unchanged; the letter of an item: change that item (then back to this list); 2: go through every item.</source>
        <translation>请与患者逐项核对此列表。1：全部未变；某项的字母：修改该项（随后返回此列表）；2：逐项重新询问。</translation>
    </message>
    <message>
        <source>All unchanged since {date} (apart from any marked changed)</source>
        <translation>自 {date} 以来全部未变（已标记为变化的项除外）</translation>
    </message>
    <message>
        <source>Changed: go through each item</source>
        <translation>有变化：逐项询问</translation>
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
    <name>schedules</name>
    <message>
        <source>Timepoint name</source>
        <translation>时间点名称</translation>
    </message>
    <message>
        <source>Anchor milestone</source>
        <translation>锚定里程碑</translation>
    </message>
    <message>
        <source>Offset (days)</source>
        <translation>偏移（天）</translation>
    </message>
    <message>
        <source>Window ± (days)</source>
        <translation>窗口 ±（天）</translation>
    </message>
    <message>
        <source>Every (months; 0 = once)</source>
        <translation>间隔（月；0 = 仅一次）</translation>
    </message>
    <message>
        <source>Until month</source>
        <translation>截至第几月</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>不早于</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>随访计划名称</translation>
    </message>
    <message>
        <source>Timepoints</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>Timepoint {number}, {column}</source>
        <translation>第 {number} 个时间点，{column}</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <source>Schedules of the clinic</source>
        <translation>本诊所的随访计划</translation>
    </message>
    <message>
        <source>&amp;New schedule</source>
        <translation>新建随访计划(&amp;N)</translation>
    </message>
    <message>
        <source>The clinic&apos;s &amp;default schedule</source>
        <translation>本诊所的默认随访计划(&amp;D)</translation>
    </message>
    <message>
        <source>Timepoints of this schedule</source>
        <translation>该随访计划的时间点</translation>
    </message>
    <message>
        <source>&amp;Add timepoint</source>
        <translation>添加时间点(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove timepoint</source>
        <translation>删除时间点(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>保存随访计划(&amp;S)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <source>Move to another schedule</source>
        <translation>改用其他随访计划</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <source>Now: {name}</source>
        <translation>当前：{name}</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>{note_date} is in the future</source>
        <translation>{note_date} 是将来的日期</translation>
    </message>
    <message>
        <source>{note_date} is before the patient&apos;s birth date</source>
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
        <source>gives an age of {age} years; over {max_age} is refused (a typing mistake?)</source>
        <translation>对应年龄为 {age} 岁；超过 {max_age} 岁不予接受（是否输入有误？）</translation>
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
        <source>say why (kept in the audit trail)</source>
        <translation>请说明原因（记入审计记录）</translation>
    </message>
    <message>
        <source>the new ID is the same as the old one</source>
        <translation>新编号与原编号相同</translation>
    </message>
    <message>
        <source>{study_id} is already marked registered in error</source>
        <translation>{study_id} 已标记为误登记</translation>
    </message>
    <message>
        <source>{study_id} is not marked registered in error</source>
        <translation>{study_id} 未标记为误登记</translation>
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
        <source>is before the patient&apos;s birth date</source>
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
        <source>The user name or password is not right, or the account is locked or deactivated. After {failures} failed attempts an account is locked for {minutes} minutes; an administrator can unlock it.</source>
        <translation>用户名或密码不正确，或账户已被锁定或停用。连续 {failures} 次登录失败后，账户将被锁定 {minutes} 分钟；管理员可以解锁。</translation>
    </message>
    <message>
        <source>a password needs at least {n} characters</source>
        <translation>密码至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>a password has at most {n} characters</source>
        <translation>密码最多 {n} 个字符</translation>
    </message>
    <message>
        <source>a password cannot contain a NUL character</source>
        <translation>密码不能包含 NUL 字符</translation>
    </message>
    <message>
        <source>the password must not contain the user name</source>
        <translation>密码不能包含用户名</translation>
    </message>
    <message>
        <source>this is one of the most common passwords; choose another</source>
        <translation>这是最常见的密码之一；请另选一个</translation>
    </message>
    <message>
        <source>a user name has 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (no spaces), starting with a letter or digit</source>
        <translation>用户名由 1-64 个字母、数字、“.”、“_”或“-”组成（不含空格），以字母或数字开头</translation>
    </message>
    <message>
        <source>This database already has an administrator who can sign in; ask them for an account.</source>
        <translation>此数据库已有可以登录的管理员；请向其申请账户。</translation>
    </message>
    <message>
        <source>{user_name} is not an administrator without a password</source>
        <translation>{user_name} 不是尚无密码的管理员</translation>
    </message>
    <message>
        <source>{role!r} is not a role; expected {join}</source>
        <translation>{role!r} 不是角色；应为 {join}</translation>
    </message>
    <message>
        <source>a user called {user_name!r} already exists (user names are never reused)</source>
        <translation>已存在名为 {user_name!r} 的用户（用户名不可重复使用）</translation>
    </message>
    <message>
        <source>choose a password different from the one you have now</source>
        <translation>请设置与当前密码不同的密码</translation>
    </message>
    <message>
        <source>This is the last active administrator: make another administrator first.</source>
        <translation>这是最后一位在用的管理员：请先设置另一位管理员。</translation>
    </message>
    <message>
        <source>{user_name} is not an administrator; give an administrator&apos;s name or a new one</source>
        <translation>{user_name} 不是管理员；请填写一位管理员的用户名或一个新用户名</translation>
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
        <source>{day} is before the patient&apos;s birth date</source>
        <translation>{day} 早于患者出生日期</translation>
    </message>
    <message>
        <source>a visit needs a timepoint (or &apos;Unscheduled&apos;)</source>
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
        <source>{meaning!r} is not one of the signature meanings: {meanings}</source>
        <translation>{meaning!r} 不是可用的签名含义之一：{meanings}</translation>
    </message>
    <message>
        <source>choose at least one complete visit to sign</source>
        <translation>请至少选择一次已完成的访视进行签署</translation>
    </message>
    <message>
        <source>The {timepoint} visit of {visit_date} is {status}, not complete: it cannot be signed.</source>
        <translation>{visit_date} 的{timepoint}访视为{status}，未完成：不能签署。</translation>
    </message>
    <message>
        <source>Only a draft is discarded; this visit is {status}.</source>
        <translation>只能放弃草稿；此访视的状态为{status}。</translation>
    </message>
    <message>
        <source>This draft is an amendment of a signed visit: complete and sign it again instead.</source>
        <translation>此草稿是对已签署访视的修订：请完成并重新签署，而不是放弃。</translation>
    </message>
    <message>
        <source>say why the draft is discarded (kept in the audit trail)</source>
        <translation>请说明放弃草稿的原因（保存在审计记录中）</translation>
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
    <message>
        <source>audit trail BROKEN at {failure}</source>
        <translation>审计记录在 {failure} 处断裂</translation>
    </message>
    <message>
        <source>newest {events} events intact</source>
        <translation>最近 {events} 条事件完整</translation>
    </message>
    <message>
        <source>audit trail intact: {events} events</source>
        <translation>审计记录完整：共 {events} 条事件</translation>
    </message>
    <message>
        <source>{scope}, last {hash}</source>
        <translation>{scope}，最后一条 {hash}</translation>
    </message>
    <message>
        <source>audit chain {hash}</source>
        <translation>审计链 {hash}</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>Text cells that begin with =, +, -, @, a tab or a carriage return are written with a leading &apos; (apostrophe) so that a spreadsheet shows them as text instead of running them as formulas; remove that first &apos; for the stored text, or export with --exact.</source>
        <translation>以 =、+、-、@、制表符或回车符开头的文本单元格在写出时前面加了一个 &apos;（撇号），使电子表格将其显示为文本而不是作为公式运行；去掉开头的这个 &apos; 即为保存的原文，或使用 --exact 导出。</translation>
    </message>
    <message>
        <source>Text cells are written exactly as stored (--exact): a spreadsheet may run one that begins with =, +, -, @, a tab or a carriage return as a formula.</source>
        <translation>文本单元格按保存的原样写出（--exact）：以 =、+、-、@、制表符或回车符开头的单元格可能被电子表格当作公式运行。</translation>
    </message>
    <message>
        <source>The newest audit event&apos;s hash when this file was exported: {hash}. `cga-desk audit verify --anchor {prefix}` checks that the audit trail still holds it.</source>
        <translation>导出此文件时最新审计事件的哈希值：{hash}。`cga-desk audit verify --anchor {prefix}` 可检查审计记录中是否仍包含该事件。</translation>
    </message>
    <message>
        <source>The connection to the database was lost while saving, and it cannot be checked yet whether your answer was stored. Try again when the database can be reached: the stored answer will show.</source>
        <translation>保存时与数据库的连接中断，暂时无法确认您的回答是否已保存。请在数据库可以连接时重试：届时将显示已保存的回答。</translation>
    </message>
    <message>
        <source>The connection to the database was lost while saving: your answer was NOT saved (checked). Try again.</source>
        <translation>保存时与数据库的连接中断：您的回答未保存（已核实）。请重试。</translation>
    </message>
    <message>
        <source>a schedule called {name!r} exists already</source>
        <translation>名为 {name!r} 的随访计划已存在</translation>
    </message>
    <message>
        <source>The recovery key does not open this database (after {failures} failed attempts it is refused for {minutes} minutes).</source>
        <translation>此恢复密钥无法打开本数据库（连续失败 {failures} 次后，将在 {minutes} 分钟内拒绝尝试）。</translation>
    </message>
    <message>
        <source>This database is not encrypted: it has no recovery key (cga-desk encrypt makes one).</source>
        <translation>此数据库未加密：没有恢复密钥（cga-desk encrypt 会生成一个）。</translation>
    </message>
    <message>
        <source>This database is not encrypted: anyone who copies the file {path} can read every patient in it. Close CGA Desk on every workstation, then convert it with: cga-desk encrypt --db {path} --user NAME</source>
        <translation>本数据库未加密：任何复制文件 {path} 的人都能读取其中每一位患者的资料。请在所有工作站上关闭 CGA Desk，然后用以下命令转换：cga-desk encrypt --db {path} --user NAME</translation>
    </message>
    <message>
        <source>Sign in first: signing in unlocks the encrypted database.</source>
        <translation>请先登录：登录即解锁加密的数据库。</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Anywhere (signed in)</source>
        <translation>任何位置（已登录）</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>患者列表</translation>
    </message>
    <message>
        <source>Patient page</source>
        <translation>患者页面</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>Find a patient (the list&apos;s search box)</source>
        <translation>查找患者（列表的搜索框）</translation>
    </message>
    <message>
        <source>Register a patient</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <source>Cohort view</source>
        <translation>队列视图</translation>
    </message>
    <message>
        <source>Export the analysis dataset</source>
        <translation>导出分析数据集</translation>
    </message>
    <message>
        <source>Print the report of what is shown: the selected visit&apos;s summary, else the patient&apos;s longitudinal report; the cohort summary on the cohort view</source>
        <translation>打印所显示内容的报告：所选访视的小结，否则为该患者的纵向报告；在队列视图中为队列汇总</translation>
    </message>
    <message>
        <source>Choose the first … ninth tab of the page</source>
        <translation>选择本页的第一 … 第九个选项卡</translation>
    </message>
    <message>
        <source>Next tab / previous tab</source>
        <translation>下一个 / 上一个选项卡</translation>
    </message>
    <message>
        <source>This manual</source>
        <translation>本手册</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>下一个 / 上一个控件</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Type to search by name or ID; Down arrow into the list</source>
        <translation>输入姓名或编号即可搜索；向下箭头进入列表</translation>
    </message>
    <message>
        <source>Open the selected patient</source>
        <translation>打开所选患者</translation>
    </message>
    <message>
        <source>Start the next due visit, or continue the draft</source>
        <translation>开始下一次到期的访视，或继续草稿</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Pick that option and move on</source>
        <translation>选择该选项并进入下一题</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Close (the draft is kept)</source>
        <translation>关闭（保留草稿）</translation>
    </message>
    <message>
        <source>Complete the visit</source>
        <translation>完成访视</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the manual</source>
        <translation>关闭手册</translation>
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
        <source>Answers changed since revision {revision}:</source>
        <translation>自第 {revision} 版以来变化的回答：</translation>
    </message>
    <message>
        <source>No answer changed since revision {revision}.</source>
        <translation>自第 {revision} 版以来没有回答变化。</translation>
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
        <source>Note (optional) for today&apos;s review of the frailty trend:</source>
        <translation>今天审阅衰弱趋势的备注（可选）：</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The database gave up on this change because of another workstation&apos;s ({why}). Nothing was saved; try again.</source>
        <translation>由于另一台工作站的操作（{why}），数据库放弃了此次更改。未保存任何内容；请重试。</translation>
    </message>
    <message>
        <source>The database is busy (another workstation or program is writing). Nothing was saved; try again.</source>
        <translation>数据库正忙（另一台工作站或程序正在写入）。未保存任何内容；请重试。</translation>
    </message>
    <message>
        <source>The disk is full or failing. Nothing was saved; free some space and try again.</source>
        <translation>磁盘已满或出现故障。未保存任何内容；请释放空间后重试。</translation>
    </message>
    <message>
        <source>The database file is read-only. Nothing was saved.</source>
        <translation>数据库文件为只读。未保存任何内容。</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Nothing was saved; try again. ({details})</source>
        <translation>无法连接数据库服务器。未保存任何内容；请重试。（{details}）</translation>
    </message>
    <message>
        <source>The database refused the change: {details}. Nothing was saved.</source>
        <translation>数据库拒绝了此次更改：{details}。未保存任何内容。</translation>
    </message>
    <message>
        <source>The connection to the database was lost while saving: the change may or may not have been stored. Look at the record again before repeating it. ({details})</source>
        <translation>保存时与数据库的连接中断：此次更改可能已保存，也可能未保存。重复操作前请先重新查看记录。（{details}）</translation>
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
        <source>{patient} · {name} · born {birth} · visit {fmt} (continued) · page {number} of {total}</source>
        <translation>{patient} · {name} · 出生 {birth} · 访视 {fmt}（续）· 第 {number} 页，共 {total} 页</translation>
    </message>
    <message>
        <source>name not recorded</source>
        <translation>姓名未记录</translation>
    </message>
    <message>
        <source> · MRN {mrn}</source>
        <translation> · 病案号 {mrn}</translation>
    </message>
    <message>
        <source> (revision {revision})</source>
        <translation>（第 {revision} 版）</translation>
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
        <source>{answer} (0 points), {count} conditions: {names}.</source>
        <translation>{answer}（0 分），共 {count} 种疾病：{names}。</translation>
    </message>
    <message>
        <source>Answers (in the words of each form) and points</source>
        <translation>答案（按各量表措辞）及分值</translation>
    </message>
    <message>
        <source>Status {status}; who completed it and when is not recorded (an imported or older record)</source>
        <translation>状态：{status}；未记录由谁、于何时完成（导入的或较早的记录）</translation>
    </message>
    <message>
        <source>Not completed (a draft)</source>
        <translation>未完成（草稿）</translation>
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
        <source>Versions: {scoring}; {forms}.</source>
        <translation>版本：{scoring}；{forms}。</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Amended by {full_name} on {date}: {reason}</source>
        <translation>由 {full_name} 于 {date} 修订：{reason}</translation>
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
        <source>age (no birth date)</source>
        <translation>年龄（无出生日期）</translation>
    </message>
    <message>
        <source>{mild} and {severe} both ticked; only {severe} is counted</source>
        <translation>{mild} 与 {severe} 均勾选；只计 {severe}</translation>
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
