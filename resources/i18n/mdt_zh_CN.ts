<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="+28"/>
        <source>About MDT Desk</source>
        <translation>关于多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multidisciplinary tumour board meetings for county hospitals, offline.</source>
        <translation>面向县级医院的肿瘤多学科诊疗（MDT）会议工作台，离线运行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database schema</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Included software and its licences:</source>
        <translation>随附软件及其许可证：</translation>
    </message>
</context>
<context>
    <name>CaseFormat</name>
    <message>
        <location filename="../../ui/cases/case_format.py" line="+25"/>
        <location filename="../../ui/cases/case_list.py" line="+68"/>
        <source>{sex} / {age}</source>
        <translation>{sex}/{age}岁</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="+42"/>
        <source>Search: name, pinyin initials (zs), inpatient no., case no. or ICD-10</source>
        <translation>搜索：姓名、拼音首字母（如 zs）、住院号、病例号或 ICD-10 编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All tumour types</source>
        <translation>全部肿瘤类型</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 例</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <location filename="../../ui/cases/case_summary_dialog.py" line="+25"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read-only summary. Editing a case is not available yet.</source>
        <translation>只读摘要。病例编辑功能尚未提供。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex / age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inpatient no.</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tumour type</source>
        <translation>肿瘤类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case not found</source>
        <translation>未找到病例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1</source>
        <translation>病例 %1</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/cases/case_table_model.py" line="+179"/>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case no.</source>
        <translation>病例号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex / age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inpatient no.</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tumour type</source>
        <translation>肿瘤类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
</context>
<context>
    <name>ErrorFunnel</name>
    <message>
        <location filename="../../ui/errors.py" line="+100"/>
        <source>An unexpected error happened. The details below help IT find the cause; your saved records are not affected.</source>
        <translation>发生了意外错误。下方的详细信息可帮助信息科查找原因；已保存的记录不受影响。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+29"/>
        <source>MDT Desk</source>
        <translation>多学科诊疗工作台</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run_dialog.py" line="+61"/>
        <source>Set up MDT Desk</source>
        <translation>设置多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This folder has no MDT Desk database yet. Enter the hospital&apos;s name and create the administrator account; other users are added later.</source>
        <translation>此文件夹中还没有多学科诊疗工作台的数据库。请填写医院名称并创建管理员账号；其他用户可稍后添加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Anytown County People&apos;s Hospital</source>
        <translation>例如：某某县人民医院</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The administrator&apos;s real name</source>
        <translation>管理员的真实姓名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At least %1 characters, mixing letters with digits or symbols.</source>
        <translation>至少 %1 个字符，须同时包含字母和数字或符号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load demonstration data (invented patients, for training)</source>
        <translation>载入演示数据（虚构患者，仅供培训）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hospital name</source>
        <translation>医院名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+67"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome to MDT Desk</source>
        <translation>欢迎使用多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the hospital name.</source>
        <translation>请填写医院名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the administrator&apos;s user name.</source>
        <translation>请填写管理员用户名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a password.</source>
        <translation>请填写密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The demonstration data could not be loaded</source>
        <translation>无法载入演示数据</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../../ui/widgets/placeholder.py" line="+32"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up: how each MDT decision is being carried out and the follow-up schedule of every patient will be shown here.</source>
        <translation>随访：每项MDT决策的执行情况和每位患者的随访计划将在此显示。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+32"/>
        <source>Log in — MDT Desk</source>
        <translation>登录 — 多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MDT Desk</source>
        <translation>多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+39"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+54"/>
        <source>MDT Desk</source>
        <translation>多学科诊疗工作台</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MDT Desk…</source>
        <translation>关于多学科诊疗工作台(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logged in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
</context>
<context>
    <name>MeetingListView</name>
    <message>
        <location filename="../../ui/meetings/meeting_list.py" line="+83"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n meeting(s), </source>
        <translation>
            <numerusform>共 %n 次会议，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n still to come.</source>
        <translation>
            <numerusform>其中 %n 次尚未召开。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No meetings yet. The MDT secretary schedules them.</source>
        <translation>尚无会议。会议由MDT秘书安排。</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <location line="-61"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases on agenda</source>
        <translation>议程病例数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <location filename="../../ui/screenshot.py" line="+59"/>
        <source>Unknown view “%1”; choose one of: %2</source>
        <translation>未知视图“%1”；可选：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No MDT Desk database in %1.</source>
        <translation>%1 中没有多学科诊疗工作台数据库。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Screenshots are only taken of demonstration data; this folder holds real records. Make a demonstration folder with `python -m app demo` first.</source>
        <translation>只能对演示数据截图；此文件夹中有真实记录。请先用 `python -m app demo` 创建演示数据文件夹。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The “%1” view did not finish loading within 20 seconds.</source>
        <translation>“%1”视图在 20 秒内未完成加载。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not write the screenshot to %1.</source>
        <translation>无法将截图写入 %1。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+30"/>
        <location line="+39"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>A new language is used from the next start of MDT Desk.</source>
        <translation>更改的语言将在下次启动多学科诊疗工作台时生效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Larger text for the projector in the meeting room; applied at once.</source>
        <translation>会议室投影时可调大字号；立即生效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="+32"/>
        <source>MDT Desk cannot open its data</source>
        <translation>多学科诊疗工作台无法打开数据</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../ui/widgets/placeholder.py" line="+9"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics: case numbers, waiting times, decision implementation and the quality indicators for medical affairs will be shown here, with export.</source>
        <translation>统计：病例数量、等候时间、决策执行情况以及医务科需要的质控指标将在此显示，并可导出。</translation>
    </message>
</context>
<context>
    <name>UserListView</name>
    <message>
        <location filename="../../ui/admin/user_list.py" line="+32"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>账号状态</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>User accounts of this installation. Creating, disabling and resetting accounts, backups and the hospital certificate will be managed here.</source>
        <translation>本机安装的用户账号。新建、停用和重置账号，以及备份和医院证书，将在此管理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only an administrator can manage users, backups and settings.</source>
        <translation>只有管理员可以管理用户、备份和设置。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../app/demo/builder.py" line="+87"/>
        <source>Setting up the demo hospital…</source>
        <translation>正在设置演示医院…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Planning six months of MDT work…</source>
        <translation>正在编排六个月的MDT工作…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Creating users and teams…</source>
        <translation>正在创建用户和团队…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registering patients and cases…</source>
        <translation>正在登记患者和病例…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording meetings, opinions and decisions…</source>
        <translation>正在记录会议、意见和决策…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generating imaging and pathology files…</source>
        <translation>正在生成影像和病理文件…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo data ready.</source>
        <translation>演示数据已就绪。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/context.py" line="+22"/>
        <source>This data folder was written by a newer version of MDT Desk. Install that version (or newer) to open it. Nothing was changed.</source>
        <translation>此数据文件夹由更新版本的多学科诊疗工作台写入。请安装该版本（或更新版本）后再打开。未做任何更改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database file in this folder is not an MDT Desk database. Nothing was changed.</source>
        <translation>此文件夹中的数据库文件不是多学科诊疗工作台的数据库。未做任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file is damaged (truncated or corrupted). Nothing was changed. Restore it from a backup, or ask IT for help.</source>
        <translation>数据库文件已损坏（被截断或内容错误）。未做任何更改。请从备份恢复，或联系信息科。</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>No MDT Desk database in {path}. Start the app to set it up, or run `python -m app init`.</source>
        <translation>{path} 中没有多学科诊疗工作台数据库。请启动程序进行设置，或运行 `python -m app init`。</translation>
    </message>
    <message>
        <location filename="../../app/domain/patient_rules.py" line="+24"/>
        <source>This field contains invisible control characters.</source>
        <translation>此字段含有不可见的控制字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This field is too long (at most {n} characters).</source>
        <translation>此字段过长（最多 {n} 个字符）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter the patient&apos;s name.</source>
        <translation>请填写患者姓名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the patient&apos;s sex.</source>
        <translation>请选择患者性别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The birth date is in the future.</source>
        <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date is too far in the past.</source>
        <translation>出生日期过早。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ID number is not valid: 18 characters, and the last one (check digit) must match the others.</source>
        <translation>身份证号无效：应为 18 位，且最后一位（校验码）须与前 17 位相符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The birth date does not match the ID number ({date}).</source>
        <translation>出生日期与身份证号不符（{date}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sex does not match the ID number.</source>
        <translation>性别与身份证号不符。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A hospital or outpatient number has letters, digits and &apos;-&apos; only (at most 40).</source>
        <translation>住院号或门诊号只能包含字母、数字和“-”（最多 40 个字符）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone number is not valid (a mobile number has 11 digits starting with 1).</source>
        <translation>电话号码无效（手机号为以 1 开头的 11 位数字）。</translation>
    </message>
    <message>
        <location filename="../../app/instance.py" line="+32"/>
        <source>MDT Desk is already running with this data folder ({owner}). Close the other window first, then try again.</source>
        <translation>多学科诊疗工作台已在使用此数据文件夹（{owner}）。请先关闭另一个窗口，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/security/passwords.py" line="+31"/>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The password must mix letters with digits or symbols.</source>
        <translation>密码须同时包含字母和数字或符号。</translation>
    </message>
    <message>
        <location filename="../../app/security/permissions.py" line="+53"/>
        <source>Your role does not allow this action ({action}).</source>
        <translation>您的角色无权执行此操作（{action}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/attachment_import.py" line="+200"/>
        <location filename="../../app/services/attachments.py" line="+101"/>
        <location filename="../../app/services/case_records.py" line="+192"/>
        <location filename="../../app/services/cases.py" line="+120"/>
        <location filename="../../ui/cases/case_summary_dialog.py" line="-4"/>
        <source>Case {id} does not exist.</source>
        <translation>病例 {id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="+23"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This account is disabled. Ask the administrator.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
        <translation>密码错误次数过多：此账号已锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../app/services/case_records.py" line="-153"/>
        <source>Unknown case field: {name}.</source>
        <translation>未知的病例字段：{name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>Choose a value from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>ECOG is a whole number from 0 to 5.</source>
        <translation>ECOG 评分应为 0 到 5 的整数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPS is 0 to 100 in steps of 10.</source>
        <translation>KPS 评分为 0 到 100，以 10 为间隔。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The application date is in the future.</source>
        <translation>申请日期不能晚于今天。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The stage group does not match T, N and M: {detail}</source>
        <translation>分期组与 T、N、M 不符：{detail}</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../app/services/patients.py" line="+82"/>
        <location line="+25"/>
        <source>Patient {id} does not exist.</source>
        <translation>患者 {id} 不存在。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This case has been discussed; its application can no longer be edited.</source>
        <translation>此病例已讨论，申请内容不能再修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else saved this case in the meantime. Reopen it to see their changes; your text is kept as a draft.</source>
        <translation>在此期间他人已保存了此病例。请重新打开以查看其修改；您填写的内容已保存为草稿。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>There is no case {case_no}.</source>
        <translation>没有病例 {case_no}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The case is not complete ({n} items missing). Complete it, or record why it must be discussed anyway.</source>
        <translation>病例资料不完整（缺少 {n} 项）。请补全，或注明仍需讨论的理由。</translation>
    </message>
    <message>
        <location filename="../../app/services/cases.py" line="+4"/>
        <source>A case cannot go from “{a}” to “{b}”.</source>
        <translation>病例不能从“{a}”变为“{b}”。</translation>
    </message>
    <message>
        <location filename="../../app/services/drafts.py" line="+24"/>
        <source>This text is too long to keep as a draft.</source>
        <translation>文字过长，无法保存为草稿。</translation>
    </message>
    <message>
        <location filename="../../app/services/patient_import.py" line="+76"/>
        <source>The Excel file cannot be read: {reason}</source>
        <translation>无法读取 Excel 文件：{reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Patient lists are read from .csv or .xlsx files.</source>
        <translation>患者名单须为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The date {value} is not in the form YYYY-MM-DD.</source>
        <translation>日期 {value} 不是 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sex {value} is not 男/女/M/F.</source>
        <translation>性别 {value} 不是 男/女/M/F 之一。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The file is empty: the first row must name the columns.</source>
        <translation>文件为空：第一行须为列名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No name column (姓名 or name) in the first row.</source>
        <translation>第一行中没有姓名列（“姓名”或“name”）。</translation>
    </message>
    <message>
        <location filename="../../app/services/patients.py" line="-80"/>
        <source>This patient is already registered: {name} (patient {id}).</source>
        <translation>此患者已登记：{name}（患者 {id}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup.py" line="+29"/>
        <source>Enter the hospital name.</source>
        <translation>请填写医院名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hospital name is too long.</source>
        <translation>医院名称过长。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This data folder is already set up. Nothing was changed.</source>
        <translation>此数据文件夹已设置过。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/services/users.py" line="+24"/>
        <source>A user name has 2-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名由 2–64 个字母、数字、“.”、“_”或“-”组成。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unknown role: {role}.</source>
        <translation>未知角色：{role}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown title: {title}.</source>
        <translation>未知职称：{title}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the person&apos;s name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown department: {code}.</source>
        <translation>未知科室：{code}。</translation>
    </message>
    <message>
        <location filename="../../app/demo/builder.py" line="-72"/>
        <source>This data folder already holds patient data; demo data is only added to a new, empty folder. Nothing was changed.</source>
        <translation>此数据文件夹中已有患者数据；演示数据只能加入新的空文件夹。未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This data folder already holds the demo data. Nothing was changed.</source>
        <translation>此数据文件夹中已有演示数据。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <location filename="../../app/domain/readiness.py" line="+12"/>
        <source>Purpose of the MDT</source>
        <translation>MDT讨论目的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question to the team</source>
        <translation>提请讨论的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis (ICD-10)</source>
        <translation>诊断（ICD-10）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histology (ICD-O-3)</source>
        <translation>病理类型（ICD-O-3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECOG or KPS</source>
        <translation>ECOG 或 KPS 评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage (T, N, M)</source>
        <translation>分期（T、N、M）</translation>
    </message>
    <message>
        <location filename="../../app/domain/templates.py" line="+38"/>
        <source>Pathology confirmation</source>
        <translation>病理确诊</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chest CT (enhanced) for staging</source>
        <translation>胸部增强CT（分期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brain MRI or CT for staging</source>
        <translation>头颅MRI或CT（分期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tumour markers (CEA, CYFRA21-1, NSE)</source>
        <translation>肿瘤标志物（CEA、CYFRA21-1、NSE）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driver genes (EGFR, ALK) for non-squamous cancer</source>
        <translation>驱动基因检测（EGFR、ALK，非鳞癌）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>Chest, abdomen and pelvis CT (enhanced)</source>
        <translation>胸腹盆增强CT</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Tumour markers (CEA, CA19-9, CA72-4)</source>
        <translation>肿瘤标志物（CEA、CA19-9、CA72-4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HER2 status</source>
        <translation>HER2状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pelvic MRI (rectal cancer)</source>
        <translation>盆腔MRI（直肠癌）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tumour markers (CEA, CA19-9)</source>
        <translation>肿瘤标志物（CEA、CA19-9）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSI/MMR status</source>
        <translation>MSI/MMR状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enhanced liver CT or MRI</source>
        <translation>肝脏增强CT或MRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AFP and PIVKA-II</source>
        <translation>AFP 和 PIVKA-II</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liver function (Child-Pugh) and HBV/HCV status</source>
        <translation>肝功能（Child-Pugh分级）及乙肝/丙肝状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Neck, chest and abdomen CT (enhanced)</source>
        <translation>颈胸腹增强CT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endoscopy report (with ultrasound where available)</source>
        <translation>内镜报告（如有，含超声内镜）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tumour markers (SCC, CEA)</source>
        <translation>肿瘤标志物（SCC、CEA）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ER, PR, HER2 and Ki-67</source>
        <translation>ER、PR、HER2 和 Ki-67</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breast ultrasound, mammography or MRI</source>
        <translation>乳腺超声、钼靶或MRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Chest CT and abdominal imaging for staging</source>
        <translation>胸部CT及腹部影像（分期）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Pelvic MRI (enhanced)</source>
        <translation>盆腔增强MRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chest and abdomen CT for staging</source>
        <translation>胸腹部CT（分期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SCC antigen and HPV status</source>
        <translation>SCC抗原及HPV状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nasopharynx and neck MRI (enhanced)</source>
        <translation>鼻咽及颈部增强MRI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plasma EBV DNA</source>
        <translation>血浆EB病毒DNA</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <location filename="../../app/domain/vocab.py" line="+15"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Physician</source>
        <translation>医生</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Secretary</source>
        <translation>秘书</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for more information</source>
        <translation>退回补充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>已排会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discussed</source>
        <translation>已讨论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision finalised</source>
        <translation>决策已定稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implementing</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Re-discussion</source>
        <translation>再次讨论</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Lung cancer</source>
        <translation>肺癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gastric cancer</source>
        <translation>胃癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colorectal cancer</source>
        <translation>结直肠癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liver cancer</source>
        <translation>肝癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oesophageal cancer</source>
        <translation>食管癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breast cancer</source>
        <translation>乳腺癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cervical cancer</source>
        <translation>宫颈癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nasopharyngeal cancer</source>
        <translation>鼻咽癌</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre-treatment</source>
        <translation>治疗前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-operative</source>
        <translation>术后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-treatment</source>
        <translation>治疗后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrence</source>
        <translation>复发</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resident physician</source>
        <translation>住院医师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attending physician</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Associate chief physician</source>
        <translation>副主任医师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chief physician</source>
        <translation>主任医师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse-in-charge</source>
        <translation>主管护师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacist</source>
        <translation>药师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Core member</source>
        <translation>核心成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest</source>
        <translation>特邀专家</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chemotherapy</source>
        <translation>化疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targeted therapy</source>
        <translation>靶向治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Immunotherapy</source>
        <translation>免疫治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endocrine therapy</source>
        <translation>内分泌治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interventional therapy</source>
        <translation>介入治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traditional Chinese medicine</source>
        <translation>中医药治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best supportive care</source>
        <translation>最佳支持治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observation</source>
        <translation>观察随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinical trial</source>
        <translation>临床试验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further work-up</source>
        <translation>进一步检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Curative</source>
        <translation>根治性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Palliative</source>
        <translation>姑息性</translation>
    </message>
</context>
</TS>
