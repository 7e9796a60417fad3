<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About MDT Desk</source>
      <translation>关于多学科诊疗工作台</translation>
    </message>
    <message>
      <source>Multidisciplinary tumour board meetings for county hospitals, offline.</source>
      <translation>面向县级医院的肿瘤多学科诊疗（MDT）会议工作台，离线运行。</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>数据文件夹</translation>
    </message>
    <message>
      <source>Database schema</source>
      <translation>数据库结构版本</translation>
    </message>
    <message>
      <source>Included software and its licences:</source>
      <translation>随附软件及其许可证：</translation>
    </message>
  </context>
  <context>
    <name>AccountDialog</name>
    <message>
      <source>The password: at least %1 characters, letters and digits, not the user name. The user must choose their own at the first log-in.</source>
      <translation>密码：至少 %1 个字符，须同时包含字母和数字，且不能与用户名相同。用户首次登录时须改为自己的密码。</translation>
    </message>
  </context>
  <context>
    <name>AccountRulesDialog</name>
    <message>
      <source>Account rules</source>
      <translation>账户规则</translation>
    </message>
    <message>
      <source>Lock an account after</source>
      <translation>密码错误达到</translation>
    </message>
    <message>
      <source> wrong passwords</source>
      <translation> 次后锁定账户</translation>
    </message>
    <message>
      <source>Keep it locked for</source>
      <translation>账户锁定时长</translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Lock the screen after</source>
      <translation>无操作自动锁屏</translation>
    </message>
    <message>
      <source> minutes without input</source>
      <translation> 分钟后</translation>
    </message>
    <message>
      <source>The screen lock hides patient data on a shared PC until the same user enters the password again. A changed idle time applies from the next log-in.</source>
      <translation>锁屏在共用电脑上隐藏患者数据，直到同一用户重新输入密码。修改后的锁屏时间从下次登录起生效。</translation>
    </message>
  </context>
  <context>
    <name>AddressFields</name>
    <message>
      <source>Paste or type a full address, e.g. 河南省周口市郸城县汲冢镇王庄村3组</source>
      <translation>粘贴或输入完整地址，如：河南省周口市郸城县汲冢镇王庄村3组</translation>
    </message>
    <message>
      <source>The address is split into province, city, county, township and the rest below; check and correct the parts.</source>
      <translation>地址会自动拆分到下面的省、市、县、乡镇和详细地址中；请核对并修改。</translation>
    </message>
    <message>
      <source>e.g. 河南省</source>
      <translation>如：河南省</translation>
    </message>
    <message>
      <source>e.g. 周口市</source>
      <translation>如：周口市</translation>
    </message>
    <message>
      <source>e.g. 郸城县</source>
      <translation>如：郸城县</translation>
    </message>
    <message>
      <source>e.g. 汲冢镇</source>
      <translation>如：汲冢镇</translation>
    </message>
    <message>
      <source>Village, street, house number</source>
      <translation>村、街道、门牌号</translation>
    </message>
    <message>
      <source>Full address</source>
      <translation>完整地址</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省</translation>
    </message>
    <message>
      <source>City</source>
      <translation>市</translation>
    </message>
    <message>
      <source>County/district</source>
      <translation>县/区</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇/街道</translation>
    </message>
    <message>
      <source>Village/street</source>
      <translation>详细地址</translation>
    </message>
  </context>
  <context>
    <name>AdvisoryPanel</name>
    <message>
      <source>Opinion of the upper-level hospital (advisory)</source>
      <translation>上级医院会诊意见（参考）</translation>
    </message>
    <message>
      <source>Advice only: this team discusses it and keeps the decision.</source>
      <translation>仅供参考：由本团队讨论并作出决定。</translation>
    </message>
    <message>
      <source>signature verified</source>
      <translation>签名已验证</translation>
    </message>
    <message>
      <source>not signed</source>
      <translation>未签名</translation>
    </message>
    <message>
      <source>%1 · %2 · %3 (%4)</source>
      <translation>%1 · %2 · %3（%4）</translation>
    </message>
  </context>
  <context>
    <name>AttachmentModel</name>
    <message>
      <source>Material</source>
      <translation>资料</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>重点</translation>
    </message>
    <message>
      <source>Key item for the meeting</source>
      <translation>会议重点资料</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>DICOM series ({n})</source>
      <translation>DICOM 影像序列（{n}）</translation>
    </message>
    <message>
      <source>Photos, reports and other files ({n})</source>
      <translation>照片、报告和其他文件（{n}）</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>无日期</translation>
    </message>
    <message>
      <source>(no description)</source>
      <translation>（无描述）</translation>
    </message>
    <message>
      <source>{n} images</source>
      <translation>{n} 幅图像</translation>
    </message>
    <message>
      <source>Not a key item</source>
      <translation>非重点资料</translation>
    </message>
    <message>
      <source>Space or click: mark or unmark as a key item for the meeting</source>
      <translation>按空格键或单击：标记或取消会议重点</translation>
    </message>
  </context>
  <context>
    <name>AttachmentPanel</name>
    <message>
      <source>Add files…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Add folder / disc…</source>
      <translation>添加文件夹/光盘…</translation>
    </message>
    <message>
      <source>A folder, a CD or a USB stick: every file inside is read, with or without DICOMDIR</source>
      <translation>文件夹、光盘或U盘：读取其中的全部文件，有无 DICOMDIR 均可</translation>
    </message>
    <message>
      <source>Loading attachments…</source>
      <translation>正在加载附件…</translation>
    </message>
    <message>
      <source>Your role can view the material of this case but not add to it or change it.</source>
      <translation>您的角色可以查看本病例的资料，但不能添加或修改。</translation>
    </message>
    <message>
      <source>Drag files or folders here to add them. Space marks the selected item as a key item for the meeting. Attachments are never deleted: they stay part of the record.</source>
      <translation>可将文件或文件夹拖到此处添加。按空格键将选中的资料标记为会议重点。附件不会被删除，始终作为病历记录保留。</translation>
    </message>
    <message>
      <source>No attachments yet.
Add the imaging, pathology and reports of this case with the buttons above, or drag files and folders here.</source>
      <translation>本病例还没有附件。
请用上方按钮添加影像、病理和报告，或将文件、文件夹拖到此处。</translation>
    </message>
    <message>
      <source>Attachments cannot be removed in this version: they stay part of the record. Change the label or the key mark instead.</source>
      <translation>本版本不能删除附件：附件作为病历记录保留。如需调整，请修改标签或重点标记。</translation>
    </message>
    <message>
      <source>Add files to the case</source>
      <translation>向病例添加文件</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <source>DICOM, photos and PDF (*.dcm *.dicom *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf)</source>
      <translation>DICOM、照片和 PDF (*.dcm *.dicom *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf)</translation>
    </message>
    <message>
      <source>Add a folder, CD or USB stick</source>
      <translation>添加文件夹、光盘或U盘</translation>
    </message>
    <message>
      <source>An import is already running for this case.</source>
      <translation>本病例正在导入中，请稍候。</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Nothing was imported: the images belong to another patient.</source>
      <translation>未导入任何文件：这些影像属于其他患者。</translation>
    </message>
    <message>
      <source>No files were found there.</source>
      <translation>该位置没有找到文件。</translation>
    </message>
    <message>
      <source>{summary} (stopped by an error)</source>
      <translation>{summary}（因出错而中止）</translation>
    </message>
    <message>
      <source>{summary} (cancelled)</source>
      <translation>{summary}（已取消）</translation>
    </message>
  </context>
  <context>
    <name>AttachmentTexts</name>
    <message>
      <source>Imaging</source>
      <translation>影像</translation>
    </message>
    <message>
      <source>Pathology</source>
      <translation>病理</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>DICOM series</source>
      <translation>DICOM 序列</translation>
    </message>
    <message>
      <source>DICOM image</source>
      <translation>DICOM 图像</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Whole-slide image</source>
      <translation>全切片图像</translation>
    </message>
    <message>
      <source>PDF report</source>
      <translation>PDF 报告</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>已导入</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Not imported</source>
      <translation>未导入</translation>
    </message>
    <message>
      <source>Imported {imported}, duplicates {duplicate}, not imported {rejected}</source>
      <translation>导入 {imported}，重复 {duplicate}，未导入 {rejected}</translation>
    </message>
    <message>
      <source>Damaged DICOM file: {detail}</source>
      <translation>DICOM 文件已损坏：{detail}</translation>
    </message>
    <message>
      <source>Index of the disc (DICOMDIR), not an image; the images it lists are imported</source>
      <translation>光盘索引文件（DICOMDIR），不是图像；其中列出的影像会被导入</translation>
    </message>
    <message>
      <source>The image cannot be decoded ({syntax}): {detail}</source>
      <translation>图像无法解码（{syntax}）：{detail}</translation>
    </message>
    <message>
      <source>Image too large ({pixels}): refused as a possibly harmful file</source>
      <translation>图像过大（{pixels}）：可能是有害文件，已拒绝</translation>
    </message>
    <message>
      <source>Damaged or unsupported image: {detail}</source>
      <translation>图片已损坏或格式不支持：{detail}</translation>
    </message>
    <message>
      <source>Not a PDF file (no PDF header)</source>
      <translation>不是 PDF 文件（缺少 PDF 文件头）</translation>
    </message>
    <message>
      <source>Not a file, or it cannot be read</source>
      <translation>不是文件，或无法读取</translation>
    </message>
    <message>
      <source>Not a DICOM file, photo (JPEG/PNG/TIFF/BMP) or PDF</source>
      <translation>不是 DICOM 文件、照片（JPEG/PNG/TIFF/BMP）或 PDF</translation>
    </message>
    <message>
      <source>Cannot read the file: {detail}</source>
      <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
      <source>The patient in the file ({name}, ID {id}) is not the patient of this case</source>
      <translation>文件中的患者（{name}，ID {id}）不是本病例的患者</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>……另有 {n} 条</translation>
    </message>
  </context>
  <context>
    <name>AudienceWindow</name>
    <message>
      <source>MDT presentation</source>
      <translation>MDT 讨论投屏</translation>
    </message>
    <message>
      <source>No image series for this case.</source>
      <translation>本病例没有影像序列。</translation>
    </message>
    <message>
      <source>No case is being discussed</source>
      <translation>当前没有正在讨论的病例</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Case %1 of %2 · %3</source>
      <translation>第 %1/%2 例 · %3</translation>
    </message>
    <message>
      <source>%1 years</source>
      <translation>%1岁</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>讨论问题</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>病情摘要</translation>
    </message>
    <message>
      <source>Diagnosis / stage</source>
      <translation>诊断与分期</translation>
    </message>
    <message>
      <source>Key findings</source>
      <translation>主要发现</translation>
    </message>
    <message>
      <source>Key image %1 of %2</source>
      <translation>关键图像 %1/%2</translation>
    </message>
  </context>
  <context>
    <name>AuditLabels</name>
    <message>
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Status changed</source>
      <translation>状态变更</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Identity shown</source>
      <translation>查看真实身份</translation>
    </message>
    <message>
      <source>Consent recorded</source>
      <translation>登记知情同意</translation>
    </message>
    <message>
      <source>Package inspected</source>
      <translation>查验会诊资料包</translation>
    </message>
    <message>
      <source>Backup made</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Logged in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Failed login</source>
      <translation>登录失败</translation>
    </message>
    <message>
      <source>Unlocked</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Failed unlock</source>
      <translation>解锁失败</translation>
    </message>
    <message>
      <source>Account locked</source>
      <translation>账号锁定</translation>
    </message>
    <message>
      <source>Password changed</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>Account enabled</source>
      <translation>启用账号</translation>
    </message>
    <message>
      <source>Account disabled</source>
      <translation>停用账号</translation>
    </message>
    <message>
      <source>Invited</source>
      <translation>邀请</translation>
    </message>
    <message>
      <source>Signed in to meeting</source>
      <translation>会议签到</translation>
    </message>
    <message>
      <source>Sign-in undone</source>
      <translation>撤销签到</translation>
    </message>
    <message>
      <source>Left meeting</source>
      <translation>离会</translation>
    </message>
    <message>
      <source>Meeting started</source>
      <translation>会议开始</translation>
    </message>
    <message>
      <source>Meeting closed</source>
      <translation>会议结束</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Quorum overridden</source>
      <translation>法定人数特批</translation>
    </message>
    <message>
      <source>Agenda reordered</source>
      <translation>调整议程顺序</translation>
    </message>
    <message>
      <source>Current case changed</source>
      <translation>切换当前病例</translation>
    </message>
    <message>
      <source>Postponed</source>
      <translation>推迟</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>撤回</translation>
    </message>
    <message>
      <source>Discussed</source>
      <translation>已讨论</translation>
    </message>
    <message>
      <source>Finalised</source>
      <translation>定稿</translation>
    </message>
    <message>
      <source>Amendment started</source>
      <translation>发起修订</translation>
    </message>
    <message>
      <source>Superseded</source>
      <translation>被新版本取代</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>签名</translation>
    </message>
    <message>
      <source>Signature check failed</source>
      <translation>签名验证失败</translation>
    </message>
    <message>
      <source>Handwritten signature enrolled</source>
      <translation>登记手写签名</translation>
    </message>
    <message>
      <source>Hospital CA created</source>
      <translation>创建医院CA</translation>
    </message>
    <message>
      <source>CA root trusted</source>
      <translation>信任CA根证书</translation>
    </message>
    <message>
      <source>Partner hospital trusted</source>
      <translation>信任协作医院</translation>
    </message>
    <message>
      <source>Certificate requested</source>
      <translation>申请证书</translation>
    </message>
    <message>
      <source>Certificate issued</source>
      <translation>签发证书</translation>
    </message>
    <message>
      <source>Certificate imported</source>
      <translation>导入证书</translation>
    </message>
    <message>
      <source>Execution recorded</source>
      <translation>登记执行情况</translation>
    </message>
    <message>
      <source>Follow-ups planned</source>
      <translation>制定随访计划</translation>
    </message>
    <message>
      <source>Follow-up recorded</source>
      <translation>登记随访</translation>
    </message>
    <message>
      <source>Lost to follow-up</source>
      <translation>失访</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Reopened</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>Gap in the audit trail</source>
      <translation>审计记录缺口</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>病例</translation>
    </message>
    <message>
      <source>Attachment</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Key image</source>
      <translation>关键图像</translation>
    </message>
    <message>
      <source>Image annotation</source>
      <translation>图像标注</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Team member</source>
      <translation>团队成员</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Agenda item</source>
      <translation>议程条目</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>参会记录</translation>
    </message>
    <message>
      <source>Discussion</source>
      <translation>讨论</translation>
    </message>
    <message>
      <source>Opinion</source>
      <translation>专家意见</translation>
    </message>
    <message>
      <source>External opinion</source>
      <translation>外院意见</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>诊疗决定</translation>
    </message>
    <message>
      <source>Action item</source>
      <translation>执行事项</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文书</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>Consultation package</source>
      <translation>会诊资料包</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <source>Hospital settings</source>
      <translation>医院设置</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>备份记录</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <source>Demo history</source>
      <translation>演示历史数据</translation>
    </message>
  </context>
  <context>
    <name>AuditTableModel</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
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
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Old → new</source>
      <translation>原值 → 新值</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>Audit trail</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <source>Case no., exactly</source>
      <translation>完整病例号</translation>
    </message>
    <message>
      <source>Name, inpatient or ID no., exactly</source>
      <translation>完整姓名、住院号或身份证号</translation>
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
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>病例</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>(all users)</source>
      <translation>（全部用户）</translation>
    </message>
    <message>
      <source>(all actions)</source>
      <translation>（全部操作）</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n 条记录</numerusform>
      </translation>
    </message>
    <message>
      <source>Export the audit trail</source>
      <translation>导出审计日志</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>%1 events written to %2</source>
      <translation>已将 %1 条记录写入 %2</translation>
    </message>
  </context>
  <context>
    <name>AutoBackup</name>
    <message>
      <source>Daily automatic backup made.</source>
      <translation>已完成今日自动备份。</translation>
    </message>
    <message>
      <source>Saving an automatic backup before closing…</source>
      <translation>关闭前正在保存自动备份…</translation>
    </message>
    <message>
      <source>MDT Desk</source>
      <translation>多学科诊疗工作台</translation>
    </message>
  </context>
  <context>
    <name>BackupBanner</name>
    <message>
      <source>Backup warning</source>
      <translation>备份提醒</translation>
    </message>
    <message>
      <source>Back up now…</source>
      <translation>立即备份…</translation>
    </message>
    <message>
      <source>No backup of this data has ever been made to another drive. If this PC's disk fails, every record is lost.</source>
      <translation>这些数据从未备份到其他磁盘。一旦本电脑硬盘损坏，所有记录都将丢失。</translation>
    </message>
    <message>
      <source>The last backup to another drive is older than %1 days (%2). If this PC's disk fails, the records since then are lost.</source>
      <translation>最近一次备份到其他磁盘已超过 %1 天（%2）。一旦本电脑硬盘损坏，此后的记录都将丢失。</translation>
    </message>
    <message>
      <source>&amp;Back up to another drive…</source>
      <translation>备份到其他磁盘(&amp;B)…</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>Back up to another drive</source>
      <translation>备份到其他磁盘</translation>
    </message>
    <message>
      <source>Writes an encrypted copy of all the data (the database and every stored file) into a folder on another drive, such as a USB stick. Keep the passphrase safe: without it the backup cannot be restored. Keep the drive away from this PC.</source>
      <translation>把全部数据（数据库和所有存储的文件）加密后写入另一个磁盘（例如U盘）上的文件夹。请妥善保管口令：没有口令，备份无法恢复。请把该磁盘存放在远离本电脑的地方。</translation>
    </message>
    <message>
      <source>Choose the folder on the USB stick or other drive</source>
      <translation>选择U盘或其他磁盘上的文件夹</translation>
    </message>
    <message>
      <source>Choose folder…</source>
      <translation>选择文件夹…</translation>
    </message>
    <message>
      <source>Folder:</source>
      <translation>文件夹：</translation>
    </message>
    <message>
      <source>Passphrase (at least %1 characters):</source>
      <translation>口令（至少 %1 个字符）：</translation>
    </message>
    <message>
      <source>Passphrase again:</source>
      <translation>再次输入口令：</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Cancel backup</source>
      <translation>取消备份</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Choose the backup folder</source>
      <translation>选择备份文件夹</translation>
    </message>
    <message>
      <source>The folder {path} does not exist. Is the USB stick plugged in?</source>
      <translation>文件夹 {path} 不存在。U盘插好了吗？</translation>
    </message>
    <message>
      <source>The passphrase must have at least {n} characters.</source>
      <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The two passphrases differ. Type the same passphrase twice.</source>
      <translation>两次输入的口令不一致，请输入相同的口令两次。</translation>
    </message>
    <message>
      <source>Copying the database…</source>
      <translation>正在复制数据库…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Written {done} of {total} MB…</source>
      <translation>已写入 {done} / {total} MB…</translation>
    </message>
    <message>
      <source>Backup written: {path} ({size} MB, {files} stored files).</source>
      <translation>备份已写入：{path}（{size} MB，{files} 个存储文件）。</translation>
    </message>
  </context>
  <context>
    <name>BiomarkerEditor</name>
    <message>
      <source>Other marker</source>
      <translation>其他标志物</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Add marker</source>
      <translation>添加标志物</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>e.g. exon 19 deletion / wild type</source>
      <translation>如 19号外显子缺失 / 野生型</translation>
    </message>
    <message>
      <source>positive / negative</source>
      <translation>阳性 / 阴性</translation>
    </message>
    <message>
      <source>e.g. TPS 50% / CPS 10</source>
      <translation>如 TPS 50% / CPS 10</translation>
    </message>
    <message>
      <source>e.g. positive 90%</source>
      <translation>如 阳性 90%</translation>
    </message>
    <message>
      <source>e.g. positive 30%</source>
      <translation>如 阳性 30%</translation>
    </message>
    <message>
      <source>0 / 1+ / 2+ (FISH −/+) / 3+</source>
      <translation>0 / 1+ / 2+（FISH −/+）/ 3+</translation>
    </message>
    <message>
      <source>e.g. 30%</source>
      <translation>如 30%</translation>
    </message>
    <message>
      <source>MSI-H / MSS, dMMR / pMMR</source>
      <translation>MSI-H / MSS，dMMR / pMMR</translation>
    </message>
    <message>
      <source>result</source>
      <translation>结果</translation>
    </message>
  </context>
  <context>
    <name>BirthDateField</name>
    <message>
      <source>Not known</source>
      <translation>不详</translation>
    </message>
  </context>
  <context>
    <name>CandidatePicker</name>
    <message>
      <source>Add cases to the agenda</source>
      <translation>向议程添加病例</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Discuss in the meeting</source>
      <translation>会上讨论</translation>
    </message>
    <message>
      <source>Listed only (standard decision, no meeting time)</source>
      <translation>仅备案（按标准方案记录，不占会议时间）</translation>
    </message>
    <message>
      <source>The standard decision the listed cases are recorded with</source>
      <translation>备案病例所记录的标准方案</translation>
    </message>
    <message>
      <source>&amp;Minutes per case:</source>
      <translation>每例时长(&amp;M)：</translation>
    </message>
    <message>
      <source>T&amp;rack:</source>
      <translation>方式(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Standard decision:</source>
      <translation>标准方案(&amp;S)：</translation>
    </message>
    <message>
      <source>⚠ marks a case whose material is not complete; hover over it to see what is missing.</source>
      <translation>⚠ 表示病例资料不完整；将鼠标停在标记上可查看缺少的项目。</translation>
    </message>
    <message>
      <source>No case of this team is waiting for a meeting.</source>
      <translation>本团队没有等待上会的病例。</translation>
    </message>
    <message>
      <source>Choose at least one case.</source>
      <translation>请至少选择一个病例。</translation>
    </message>
    <message>
      <source>A listed case needs the standard decision it is recorded with.</source>
      <translation>仅备案的病例须填写所记录的标准方案。</translation>
    </message>
  </context>
  <context>
    <name>CaseEditor</name>
    <message>
      <source>Case</source>
      <translation>病例</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>申请</translation>
    </message>
    <message>
      <source>Clinical</source>
      <translation>临床</translation>
    </message>
    <message>
      <source>Diagnosis &amp;&amp; staging</source>
      <translation>诊断与分期</translation>
    </message>
    <message>
      <source>Material</source>
      <translation>资料</translation>
    </message>
    <message>
      <source>Readiness</source>
      <translation>完整性</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>Submit for meeting…</source>
      <translation>提交讨论…</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Print decision…</source>
      <translation>打印决定…</translation>
    </message>
    <message>
      <source>Print preview of the signed decision (or of the marked draft)</source>
      <translation>已签署决定（或标明草稿的决定）的打印预览</translation>
    </message>
    <message>
      <source>The case could not be opened</source>
      <translation>无法打开该病例</translation>
    </message>
    <message>
      <source>Draft restored: check it, then save.</source>
      <translation>已恢复草稿：请核对后保存。</translation>
    </message>
    <message>
      <source>%1 %2 — case</source>
      <translation>%1 %2 — 病例</translation>
    </message>
    <message>
      <source>Inpatient no. %1</source>
      <translation>住院号 %1</translation>
    </message>
    <message>
      <source>Applicant %1</source>
      <translation>申请医生 %1</translation>
    </message>
    <message>
      <source>Applied on %1</source>
      <translation>申请日期 %1</translation>
    </message>
    <message>
      <source>Read only: this case can no longer be edited here.</source>
      <translation>只读：此病例在这里已不能修改。</translation>
    </message>
    <message>
      <source>Unsaved changes — draft kept at %1</source>
      <translation>有未保存的修改 — 草稿已于 %1 自动保存</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
  </context>
  <context>
    <name>CaseFormat</name>
    <message>
      <source>{sex} / {age}</source>
      <translation>{sex}/{age}岁</translation>
    </message>
  </context>
  <context>
    <name>CaseListView</name>
    <message>
      <source>Search: name, pinyin initials (zs), inpatient no., case no. or ICD-10</source>
      <translation>搜索：姓名、拼音首字母（如 zs）、住院号、病例号或 ICD-10 编码</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All tumour types</source>
      <translation>全部肿瘤类型</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>Any application date</source>
      <translation>不限申请日期</translation>
    </message>
    <message>
      <source>Applied in the last 7 days</source>
      <translation>近 7 天申请</translation>
    </message>
    <message>
      <source>Applied in the last 30 days</source>
      <translation>近 30 天申请</translation>
    </message>
    <message>
      <source>Applied in the last 90 days</source>
      <translation>近 90 天申请</translation>
    </message>
    <message>
      <source>Applied this year</source>
      <translation>今年申请</translation>
    </message>
    <message>
      <source>Applied between…</source>
      <translation>申请日期介于…</translation>
    </message>
    <message>
      <source>New case…</source>
      <translation>新建病例…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
      <source>%n case(s)</source>
      <translation>
        <numerusform>共 %n 例</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <source>This column cannot be sorted.</source>
      <translation>此列不能排序。</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Sex / age</source>
      <translation>性别/年龄</translation>
    </message>
    <message>
      <source>Inpatient no.</source>
      <translation>住院号</translation>
    </message>
    <message>
      <source>Tumour type</source>
      <translation>肿瘤类型</translation>
    </message>
    <message>
      <source>Diagnosis</source>
      <translation>诊断</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>分期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请医生</translation>
    </message>
    <message>
      <source>Applied on</source>
      <translation>申请日期</translation>
    </message>
  </context>
  <context>
    <name>CasesDialog</name>
    <message>
      <source>&amp;Only the cases that meet the indicator</source>
      <translation>仅显示符合指标的病例(&amp;O)</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Tumour type</source>
      <translation>肿瘤类型</translation>
    </message>
    <message>
      <source>Diagnosis</source>
      <translation>诊断</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Applied on</source>
      <translation>申请日期</translation>
    </message>
    <message>
      <source>&amp;Open case</source>
      <translation>打开病例(&amp;O)</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Cases: %1</source>
      <translation>病例数：%1</translation>
    </message>
    <message>
      <source>(the first %1 are listed)</source>
      <translation>（仅列出前 %1 例）</translation>
    </message>
  </context>
  <context>
    <name>ClinicalTab</name>
    <message>
      <source>e.g. cough with blood-stained sputum for 2 months</source>
      <translation>如 咳嗽、痰中带血2个月</translation>
    </message>
    <message>
      <source>Chief complaint</source>
      <translation>主诉</translation>
    </message>
    <message>
      <source>Course, examinations and results so far (imaging, endoscopy, biopsy)</source>
      <translation>病程、已做检查及结果（影像、内镜、活检）</translation>
    </message>
    <message>
      <source>History</source>
      <translation>现病史</translation>
    </message>
    <message>
      <source>e.g. hypertension, diabetes, COPD</source>
      <translation>如 高血压、糖尿病、慢阻肺</translation>
    </message>
    <message>
      <source>Comorbidities</source>
      <translation>合并症</translation>
    </message>
    <message>
      <source>ECOG score</source>
      <translation>ECOG 评分</translation>
    </message>
    <message>
      <source>Karnofsky, in steps of 10. ECOG or KPS: one is enough.</source>
      <translation>卡氏评分，以 10 分为一档。ECOG 与 KPS 填一项即可。</translation>
    </message>
    <message>
      <source>KPS score</source>
      <translation>KPS 评分</translation>
    </message>
    <message>
      <source>Surgery, chemotherapy, radiotherapy… with dates; “none” if untreated</source>
      <translation>手术、化疗、放疗等及日期；未治疗填“无”</translation>
    </message>
    <message>
      <source>Prior treatment</source>
      <translation>既往治疗</translation>
    </message>
    <message>
      <source>Fully active, no restriction</source>
      <translation>活动能力完全正常</translation>
    </message>
    <message>
      <source>Restricted in strenuous activity; can do light work</source>
      <translation>不能从事剧烈活动，能从事轻体力劳动</translation>
    </message>
    <message>
      <source>Up and about more than half the day; cannot work</source>
      <translation>白天卧床时间不超过一半，生活自理，不能工作</translation>
    </message>
    <message>
      <source>Limited self-care; in bed or chair more than half the day</source>
      <translation>生活部分自理，白天卧床或坐椅超过一半时间</translation>
    </message>
    <message>
      <source>Completely disabled; confined to bed or chair</source>
      <translation>完全失能，卧床或坐椅</translation>
    </message>
    <message>
      <source>Dead</source>
      <translation>死亡</translation>
    </message>
  </context>
  <context>
    <name>ConfirmWorkupDialog</name>
    <message>
      <source>Confirm by hand</source>
      <translation>手工确认</translation>
    </message>
    <message>
      <source>where it was seen, e.g. lab system, CEA 3.2 ng/ml</source>
      <translation>在哪里看到的，如 检验系统 CEA 3.2 ng/ml</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Date of the result</source>
      <translation>结果日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>Your text is kept as a draft. Reload the case now? It then offers your draft again, to restore and check before saving.</source>
      <translation>您输入的内容已作为草稿保留。现在重新载入病例吗？载入后会再次提供您的草稿，可恢复并核对后保存。</translation>
    </message>
    <message>
      <source>Reload the case</source>
      <translation>重新载入病例</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后</translation>
    </message>
  </context>
  <context>
    <name>CountCard</name>
    <message>
      <source>Click a row (or press Enter on it) to list its cases.</source>
      <translation>单击某行（或在该行按回车键）可列出其对应的病例。</translation>
    </message>
  </context>
  <context>
    <name>CredentialsDialog</name>
    <message>
      <source>Signing certificates</source>
      <translation>签名证书</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>My signing certificate</source>
      <translation>我的签名证书</translation>
    </message>
    <message>
      <source>&amp;Request a certificate</source>
      <translation>申请证书(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Import a PKCS#12 file…</source>
      <translation>导入 PKCS#12 文件(&amp;I)…</translation>
    </message>
    <message>
      <source>My login &amp;password:</source>
      <translation>我的登录密码(&amp;P)：</translation>
    </message>
    <message>
      <source>Password of the PKCS#12 &amp;file:</source>
      <translation>PKCS#12 文件密码(&amp;F)：</translation>
    </message>
    <message>
      <source>Import a PKCS#12 file</source>
      <translation>导入 PKCS#12 文件</translation>
    </message>
    <message>
      <source>PKCS#12 files (*.p12 *.pfx)</source>
      <translation>PKCS#12 文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
      <source>Enter your login password: your new key is locked with it.</source>
      <translation>请输入登录密码：新密钥将用它加密保护。</translation>
    </message>
    <message>
      <source>Requested. The administrator issues your certificate; then you can sign.</source>
      <translation>已提交申请。管理员签发证书后即可签署。</translation>
    </message>
    <message>
      <source>Enter your login password: the imported key is locked with it.</source>
      <translation>请输入登录密码：导入的密钥将用它加密保护。</translation>
    </message>
    <message>
      <source>Imported. You sign with this certificate from now on.</source>
      <translation>已导入。今后将使用此证书签署。</translation>
    </message>
    <message>
      <source>Hospital certificate authority (administrator)</source>
      <translation>医院证书颁发机构（管理员）</translation>
    </message>
    <message>
      <source>&amp;Create the hospital CA</source>
      <translation>创建医院CA(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Issue requested certificates</source>
      <translation>签发待批证书(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Export the root certificate…</source>
      <translation>导出根证书(&amp;E)…</translation>
    </message>
    <message>
      <source>CA &amp;passphrase:</source>
      <translation>CA口令(&amp;P)：</translation>
    </message>
    <message>
      <source>Passphrase a&amp;gain (new CA only):</source>
      <translation>再次输入口令（仅新建CA）(&amp;G)：</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
      <source>The hospital CA was created. Keep the passphrase safe: without it no certificate can be issued.</source>
      <translation>医院CA已创建。请妥善保管口令：没有它将无法签发任何证书。</translation>
    </message>
    <message>
      <source>%1 certificate(s) issued.</source>
      <translation>已签发 %1 张证书。</translation>
    </message>
    <message>
      <source>Export the root certificate</source>
      <translation>导出根证书</translation>
    </message>
    <message>
      <source>Certificates (*.crt *.pem)</source>
      <translation>证书 (*.crt *.pem)</translation>
    </message>
    <message>
      <source>Saved as %1. SHA-256 fingerprint: %2 — compare it when importing the certificate into Acrobat or Windows.</source>
      <translation>已保存为 %1。SHA-256 指纹：%2 —— 导入 Acrobat 或 Windows 时请核对此指纹。</translation>
    </message>
    <message>
      <source>You have no signing certificate yet.</source>
      <translation>您还没有签名证书。</translation>
    </message>
    <message>
      <source>Requested; waiting for the administrator to issue it.</source>
      <translation>已申请，等待管理员签发。</translation>
    </message>
    <message>
      <source>Active until %1. SHA-256 fingerprint: %2</source>
      <translation>有效期至 %1。SHA-256 指纹：%2</translation>
    </message>
    <message>
      <source>Root certificate SHA-256 fingerprint: %1</source>
      <translation>根证书 SHA-256 指纹：%1</translation>
    </message>
    <message>
      <source>The hospital CA has not been created yet.</source>
      <translation>尚未创建医院CA。</translation>
    </message>
  </context>
  <context>
    <name>DiagnosisTab</name>
    <message>
      <source>(other or not chosen)</source>
      <translation>（其他或未选择）</translation>
    </message>
    <message>
      <source>Tumour type (template)</source>
      <translation>肿瘤类型（模板）</translation>
    </message>
    <message>
      <source>e.g. right upper lobe</source>
      <translation>如 右肺上叶</translation>
    </message>
    <message>
      <source>Primary site</source>
      <translation>原发部位</translation>
    </message>
    <message>
      <source>code, name or pinyin</source>
      <translation>编码、名称或拼音</translation>
    </message>
    <message>
      <source>diagnosis as written in the record</source>
      <translation>病历中的诊断名称</translation>
    </message>
    <message>
      <source>Diagnosis (ICD-10)</source>
      <translation>诊断（ICD-10）</translation>
    </message>
    <message>
      <source>histology as in the pathology report</source>
      <translation>病理报告中的组织学类型</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>分级</translation>
    </message>
    <message>
      <source>Biomarkers</source>
      <translation>生物标志物</translation>
    </message>
    <message>
      <source>Histology (ICD-O-3)</source>
      <translation>组织学（ICD-O-3）</translation>
    </message>
    <message>
      <source>Not an ICD-10 code of a neoplasm (C00–D48). Type a code, a Chinese name or pinyin, and choose from the list.</source>
      <translation>不是肿瘤的 ICD-10 编码（C00–D48）。请输入编码、中文名称或拼音，并从列表中选择。</translation>
    </message>
    <message>
      <source>This morphology code is not in the bundled ICD-O-3 list: check it, or choose from the list.</source>
      <translation>内置的 ICD-O-3 形态学编码表中没有这个编码：请核对，或从列表中选择。</translation>
    </message>
  </context>
  <context>
    <name>DocumentActions</name>
    <message>
      <source>Print a decision</source>
      <translation>打印意见书</translation>
    </message>
    <message>
      <source>Case number:</source>
      <translation>病例编号：</translation>
    </message>
    <message>
      <source>Print a meeting</source>
      <translation>打印会议文书</translation>
    </message>
    <message>
      <source>Meeting (agenda and every decision):</source>
      <translation>会议（议程及全部意见书）：</translation>
    </message>
    <message>
      <source>&amp;Sign documents…</source>
      <translation>签署文书(&amp;S)…</translation>
    </message>
    <message>
      <source>Your role does not sign documents.</source>
      <translation>您的角色不签署文书。</translation>
    </message>
    <message>
      <source>&amp;Verify a document or code…</source>
      <translation>验证文书或验证码(&amp;V)…</translation>
    </message>
    <message>
      <source>&amp;Print a decision…</source>
      <translation>打印意见书(&amp;P)…</translation>
    </message>
    <message>
      <source>Your role does not allow printing.</source>
      <translation>您的角色不允许打印。</translation>
    </message>
    <message>
      <source>Print a &amp;meeting (agenda and decisions)…</source>
      <translation>打印会议文书（议程和意见书）(&amp;M)…</translation>
    </message>
    <message>
      <source>My &amp;handwritten signature…</source>
      <translation>我的手写签名(&amp;H)…</translation>
    </message>
    <message>
      <source>Signing &amp;certificates…</source>
      <translation>签名证书(&amp;C)…</translation>
    </message>
    <message>
      <source>Your role has no signing certificate.</source>
      <translation>您的角色没有签名证书。</translation>
    </message>
  </context>
  <context>
    <name>DuePanel</name>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>Sho&amp;w</source>
      <translation>显示(&amp;W)</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Fro&amp;m</source>
      <translation>从(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;To</source>
      <translation>到(&amp;T)</translation>
    </message>
    <message>
      <source>T&amp;eam</source>
      <translation>团队(&amp;E)</translation>
    </message>
    <message>
      <source>%1 follow-up(s) due in the period: %2 done, %3 open, %4 overdue.</source>
      <translation>本期应随访 %1 次：已完成 %2 次，未完成 %3 次，逾期 %4 次。</translation>
    </message>
    <message>
      <source>No follow-up falls due in this period.</source>
      <translation>本期没有应随访的患者。</translation>
    </message>
  </context>
  <context>
    <name>DuplicateNotice</name>
    <message>
      <source>Use this patient</source>
      <translation>使用此患者</translation>
    </message>
  </context>
  <context>
    <name>EditorActions</name>
    <message>
      <source>Not saved: correct the marked fields.</source>
      <translation>未保存：请改正标出的字段。</translation>
    </message>
    <message>
      <source>No changes to save.</source>
      <translation>没有需要保存的修改。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved at %1</source>
      <translation>已于 %1 保存</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>未保存。</translation>
    </message>
    <message>
      <source>Not saved: the case was changed elsewhere. Your text is kept as a draft.</source>
      <translation>未保存：病例已在别处被修改。您输入的内容已作为草稿保留。</translation>
    </message>
    <message>
      <source>Readiness</source>
      <translation>完整性</translation>
    </message>
    <message>
      <source>Not submitted.</source>
      <translation>未提交。</translation>
    </message>
    <message>
      <source>Submitted for a meeting.</source>
      <translation>已提交讨论。</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>My handwritten signature</source>
      <translation>我的手写签名</translation>
    </message>
    <message>
      <source>Write your signature in the box with the mouse, a pen or a tablet, as you sign on paper. It appears in your signature box on every document you sign, and only your password unlocks it.</source>
      <translation>请用鼠标、手写笔或数位板在框内书写签名，如同在纸上签字。它将出现在您签署的每份文书的签名栏中，且只有您的密码能解锁。</translation>
    </message>
    <message>
      <source>You have already enrolled a signature: saving replaces it.</source>
      <translation>您已登记过手写签名：保存将替换原签名。</translation>
    </message>
    <message>
      <source>C&amp;lear</source>
      <translation>清除(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Undo stroke</source>
      <translation>撤销一笔(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo stroke</source>
      <translation>恢复一笔(&amp;R)</translation>
    </message>
    <message>
      <source>Your login &amp;password:</source>
      <translation>登录密码(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Save signature</source>
      <translation>保存签名(&amp;S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>The box is empty: write your signature first.</source>
      <translation>签名框是空的：请先书写签名。</translation>
    </message>
    <message>
      <source>Enter your login password to confirm it is you.</source>
      <translation>请输入登录密码以确认是您本人。</translation>
    </message>
  </context>
  <context>
    <name>ErrorFunnel</name>
    <message>
      <source>An unexpected error happened. The details below help IT find the cause; your saved records are not affected.</source>
      <translation>发生了意外错误。下方的详细信息可帮助信息科查找原因；已保存的记录不受影响。</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
    <message>
      <source>MDT Desk</source>
      <translation>多学科诊疗工作台</translation>
    </message>
  </context>
  <context>
    <name>ExecutionDialog</name>
    <message>
      <source>Execution of the MDT decision</source>
      <translation>MDT意见执行情况</translation>
    </message>
    <message>
      <source>Decision: %1</source>
      <translation>讨论意见：%1</translation>
    </message>
    <message>
      <source>What was done differently from the plan, and why</source>
      <translation>与方案不同之处及原因</translation>
    </message>
    <message>
      <source>e.g. stage revised from IIIA to IIB; surgery first instead of chemotherapy</source>
      <translation>例如：分期由IIIA修正为IIB；改为先手术而非先化疗</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>执行情况(&amp;S)：</translation>
    </message>
    <message>
      <source>Treatment s&amp;tarted on:</source>
      <translation>治疗开始日期(&amp;T)：</translation>
    </message>
    <message>
      <source>&amp;Where:</source>
      <translation>治疗地点(&amp;W)：</translation>
    </message>
    <message>
      <source>Deviation &amp;reason:</source>
      <translation>偏离原因(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Deviation:</source>
      <translation>偏离说明(&amp;D)：</translation>
    </message>
    <message>
      <source>What the MDT changed</source>
      <translation>MDT前后变化</translation>
    </message>
    <message>
      <source>Dia&amp;gnosis changed by the MDT?</source>
      <translation>MDT后诊断是否改变(&amp;G)？</translation>
    </message>
    <message>
      <source>Treatment &amp;plan changed by the MDT?</source>
      <translation>MDT后治疗方案是否改变(&amp;P)？</translation>
    </message>
    <message>
      <source>What &amp;changed:</source>
      <translation>变化内容(&amp;C)：</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
    <message>
      <source>Not recorded</source>
      <translation>未填写</translation>
    </message>
    <message>
      <source>Yes, changed</source>
      <translation>是，有改变</translation>
    </message>
    <message>
      <source>No, unchanged</source>
      <translation>否，未改变</translation>
    </message>
    <message>
      <source>Choose where the treatment takes place.</source>
      <translation>请选择治疗地点。</translation>
    </message>
    <message>
      <source>Choose the reason for the deviation from the plan.</source>
      <translation>请选择偏离方案的原因。</translation>
    </message>
  </context>
  <context>
    <name>ExportBar</name>
    <message>
      <source>E&amp;xcel…</source>
      <translation>Excel…</translation>
    </message>
    <message>
      <source>&amp;CSV…</source>
      <translation>CSV…</translation>
    </message>
    <message>
      <source>PDF &amp;report…</source>
      <translation>PDF 报告…</translation>
    </message>
    <message>
      <source>Export the figures shown (%1)</source>
      <translation>导出当前显示的统计数据（%1）</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>Export the statistics</source>
      <translation>导出统计数据</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>正在写入 %1…</translation>
    </message>
    <message>
      <source>Written: %1</source>
      <translation>已导出：%1</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export a consultation package</source>
      <translation>导出会诊包</translation>
    </message>
    <message>
      <source>Loading the case…</source>
      <translation>正在读取病例…</translation>
    </message>
    <message>
      <source>De-identify (replace the patient's identity by a pseudonym)</source>
      <translation>去标识化（用化名替换患者身份信息）</translation>
    </message>
    <message>
      <source>I have looked at the flagged images: no name or number is burned into their pixels</source>
      <translation>我已查看标记的图像：像素中没有嵌入姓名或编号</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Cancel export</source>
      <translation>取消导出</translation>
    </message>
    <message>
      <source>Files to include (key images are preselected; signed PDFs always travel with an identified package):</source>
      <translation>要包含的文件（已预选关键影像；标识化会诊包始终附带已签署的PDF）：</translation>
    </message>
    <message>
      <source>Case %1, patient %2; %3 signed document(s).</source>
      <translation>病例 %1，患者 %2；已签署文书 %3 份。</translation>
    </message>
    <message>
      <source>%1 file(s)</source>
      <translation>%1 个文件</translation>
    </message>
    <message>
      <source>may show burned-in text</source>
      <translation>可能含有嵌入文字</translation>
    </message>
    <message>
      <source>key image</source>
      <translation>关键影像</translation>
    </message>
    <message>
      <source>You have no signing certificate yet: a package must be signed. Request one under My signature; the administrator issues it.</source>
      <translation>您还没有签名证书，而会诊包必须签名。请在“我的签名”中申请，由管理员签发。</translation>
    </message>
    <message>
      <source>The patient's consent to send identified data to another hospital is not recorded. Record it on the case (referral tab), or export de-identified.</source>
      <translation>未记录患者同意向外院发送可识别信息。请在病例（申请页）中记录知情同意，或选择去标识化导出。</translation>
    </message>
    <message>
      <source>Identified export: the patient's consent was recorded on %1.</source>
      <translation>可识别导出：患者知情同意已于 %1 记录。</translation>
    </message>
    <message>
      <source>De-identified export: no consent needed; the receiver sees a pseudonym.</source>
      <translation>去标识化导出：无需知情同意；接收方只看到化名。</translation>
    </message>
    <message>
      <source>Identified export: names, numbers and dates travel as recorded.</source>
      <translation>可识别导出：姓名、编号和日期按原样发送。</translation>
    </message>
    <message>
      <source>Save the package</source>
      <translation>保存会诊包</translation>
    </message>
    <message>
      <source>Case packages (*.mdtpkg)</source>
      <translation>会诊包 (*.mdtpkg)</translation>
    </message>
    <message>
      <source>Choose where to save the package (is the USB stick plugged in?).</source>
      <translation>请选择会诊包的保存位置（U盘是否已插入？）。</translation>
    </message>
    <message>
      <source>Some images may show the patient's name in their pixels, which de-identification cannot remove. Look at them, then tick the box (or leave them out).</source>
      <translation>部分图像的像素中可能含有患者姓名，去标识化无法去除。请查看这些图像后勾选确认（或不包含它们）。</translation>
    </message>
    <message>
      <source>de-identified as %1</source>
      <translation>已去标识化为 %1</translation>
    </message>
    <message>
      <source>identified</source>
      <translation>可识别</translation>
    </message>
    <message>
      <source>Wrote %1 (%2, %3 file(s), %4). Tell the receiver the passphrase by another way than the file.</source>
      <translation>已写入 %1（%2，%3 个文件，%4）。请通过文件以外的途径把口令告知接收方。</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Set up MDT Desk</source>
      <translation>设置多学科诊疗工作台</translation>
    </message>
    <message>
      <source>This folder has no MDT Desk database yet. Enter the hospital's name and create the administrator account; other users are added later.</source>
      <translation>此文件夹中还没有多学科诊疗工作台的数据库。请填写医院名称并创建管理员账号；其他用户可稍后添加。</translation>
    </message>
    <message>
      <source>Data folder: %1</source>
      <translation>数据文件夹：%1</translation>
    </message>
    <message>
      <source>e.g. Anytown County People's Hospital</source>
      <translation>例如：某某县人民医院</translation>
    </message>
    <message>
      <source>The administrator's real name</source>
      <translation>管理员的真实姓名</translation>
    </message>
    <message>
      <source>At least %1 characters, mixing letters with digits or symbols.</source>
      <translation>至少 %1 个字符，须同时包含字母和数字或符号。</translation>
    </message>
    <message>
      <source>Load demonstration data (invented patients, for training)</source>
      <translation>载入演示数据（虚构患者，仅供培训）</translation>
    </message>
    <message>
      <source>Hospital name</source>
      <translation>医院名称</translation>
    </message>
    <message>
      <source>Administrator user name</source>
      <translation>管理员用户名</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示姓名</translation>
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
      <source>Create</source>
      <translation>创建</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Welcome to MDT Desk</source>
      <translation>欢迎使用多学科诊疗工作台</translation>
    </message>
    <message>
      <source>Enter the hospital name.</source>
      <translation>请填写医院名称。</translation>
    </message>
    <message>
      <source>Enter the administrator's user name.</source>
      <translation>请填写管理员用户名。</translation>
    </message>
    <message>
      <source>Enter a password.</source>
      <translation>请填写密码。</translation>
    </message>
    <message>
      <source>The two passwords are not the same.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Creating…</source>
      <translation>正在创建…</translation>
    </message>
    <message>
      <source>The demonstration data could not be loaded</source>
      <translation>无法载入演示数据</translation>
    </message>
  </context>
  <context>
    <name>FollowUpDialog</name>
    <message>
      <source>Record follow-up</source>
      <translation>记录随访</translation>
    </message>
    <message>
      <source>New or stopped treatment since the decision</source>
      <translation>讨论后新增或停止的治疗</translation>
    </message>
    <message>
      <source>e.g. recovering well after surgery</source>
      <translation>例如：术后恢复良好</translation>
    </message>
    <message>
      <source>&amp;Lost to follow-up (nobody could be reached)</source>
      <translation>失访（无法联系到患者或家属）(&amp;L)</translation>
    </message>
    <message>
      <source>e.g. phone disconnected, moved away</source>
      <translation>例如：电话停机、已搬迁</translation>
    </message>
    <message>
      <source>Then send the case back for re-di&amp;scussion…</source>
      <translation>保存后提交再讨论(&amp;S)…</translation>
    </message>
    <message>
      <source>After saving, asks for confirmation and the reason</source>
      <translation>保存后会请您确认并填写原因</translation>
    </message>
    <message>
      <source>&amp;Contact:</source>
      <translation>随访方式(&amp;C)：</translation>
    </message>
    <message>
      <source>D&amp;ate:</source>
      <translation>随访日期(&amp;A)：</translation>
    </message>
    <message>
      <source>&amp;Vital status:</source>
      <translation>生存状态(&amp;V)：</translation>
    </message>
    <message>
      <source>D&amp;isease status:</source>
      <translation>疾病状态(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Treatment changes:</source>
      <translation>治疗变化(&amp;T)：</translation>
    </message>
    <message>
      <source>&amp;Outcome (转归):</source>
      <translation>转归(&amp;O)：</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>备注(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Reason lost:</source>
      <translation>失访原因(&amp;R)：</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
    <message>
      <source>Enter why the patient was lost to follow-up.</source>
      <translation>请填写失访原因。</translation>
    </message>
  </context>
  <context>
    <name>FollowUpFormat</name>
    <message>
      <source>No due date</source>
      <translation>无截止日期</translation>
    </message>
    <message>
      <source>%1 day(s) overdue</source>
      <translation>逾期 %1 天</translation>
    </message>
    <message>
      <source>Due today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <source>Due in %1 day(s)</source>
      <translation>%1 天后到期</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>%1-month follow-up</source>
      <translation>%1 个月随访</translation>
    </message>
  </context>
  <context>
    <name>FollowUpSection</name>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Action items</source>
      <translation>待办事项</translation>
    </message>
    <message>
      <source>Awaiting execution status</source>
      <translation>待填执行情况</translation>
    </message>
    <message>
      <source>Follow-ups due</source>
      <translation>待随访</translation>
    </message>
    <message>
      <source>Also show decisions recorded in the last 90 days (to &amp;correct them)</source>
      <translation>同时显示近 90 天已填写的执行情况（用于更正）(&amp;C)</translation>
    </message>
    <message>
      <source>All follow-ups due (period)</source>
      <translation>全部应随访（按期间）</translation>
    </message>
    <message>
      <source>Record &amp;execution…</source>
      <translation>填写执行情况(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Undo done</source>
      <translation>撤销完成(&amp;U)</translation>
    </message>
    <message>
      <source>Mar&amp;k done</source>
      <translation>标记完成(&amp;K)</translation>
    </message>
    <message>
      <source>Record fo&amp;llow-up…</source>
      <translation>记录随访(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Re-discuss…</source>
      <translation>再讨论(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Open case</source>
      <translation>打开病例(&amp;O)</translation>
    </message>
    <message>
      <source>Open the case of the chosen row (Ctrl+O)</source>
      <translation>打开所选行的病例（Ctrl+O）</translation>
    </message>
    <message>
      <source>Enter records the chosen row; Ctrl+O opens its case.</source>
      <translation>回车键处理所选行；Ctrl+O 打开该病例。</translation>
    </message>
    <message>
      <source>My work</source>
      <translation>我的工作</translation>
    </message>
    <message>
      <source>Action items (%1)</source>
      <translation>待办事项（%1）</translation>
    </message>
    <message>
      <source>Awaiting execution status (%1)</source>
      <translation>待填执行情况（%1）</translation>
    </message>
    <message>
      <source>Follow-ups due (%1)</source>
      <translation>待随访（%1）</translation>
    </message>
    <message>
      <source>%1: %2 open item(s), %3 overdue. Due within a week or overdue, soonest first.</source>
      <translation>%1：待处理 %2 项，其中逾期 %3 项。显示一周内到期及已逾期的事项，按到期日排序。</translation>
    </message>
    <message>
      <source>%1: nothing due. Items appear here a week before they fall due.</source>
      <translation>%1：目前没有待处理事项。事项在到期前一周出现在这里。</translation>
    </message>
    <message>
      <source>Marked done: %1</source>
      <translation>已完成：%1</translation>
    </message>
    <message>
      <source>Reopened.</source>
      <translation>已恢复为未完成。</translation>
    </message>
  </context>
  <context>
    <name>FollowUpTables</name>
    <message>
      <source>Due</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Action item</source>
      <translation>待办事项</translation>
    </message>
    <message>
      <source>Due / recorded on</source>
      <translation>应填/填写日期</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>讨论意见</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>Lost to follow-up</source>
      <translation>失访</translation>
    </message>
    <message>
      <source>Done %1</source>
      <translation>已于 %1 完成</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Responsible doctor</source>
      <translation>负责医生</translation>
    </message>
  </context>
  <context>
    <name>GuestDialog</name>
    <message>
      <source>Invite guest experts</source>
      <translation>邀请特邀专家</translation>
    </message>
    <message>
      <source>Guest experts of the team</source>
      <translation>团队的特邀专家</translation>
    </message>
    <message>
      <source>The team has no guest members; add them on the team screen, or enter one below.</source>
      <translation>团队尚无特邀专家：可在团队界面添加，或在下方直接填写。</translation>
    </message>
    <message>
      <source>e.g. 省人民医院</source>
      <translation>如 省人民医院</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>(not given)</source>
      <translation>（未填写）</translation>
    </message>
    <message>
      <source>Someone else (not on the team)</source>
      <translation>其他专家（非团队成员）</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>所在单位(&amp;O)：</translation>
    </message>
    <message>
      <source>&amp;Department:</source>
      <translation>科室(&amp;D)：</translation>
    </message>
    <message>
      <source>D&amp;iscipline:</source>
      <translation>学科(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Title (职称):</source>
      <translation>职称(&amp;T)：</translation>
    </message>
    <message>
      <source>Choose a guest of the team or enter a name.</source>
      <translation>请选择团队的特邀专家，或填写姓名。</translation>
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <source>Image {n}/{total}</source>
      <translation>图像 {n}/{total}</translation>
    </message>
    <message>
      <source>Frame {n}/{total}</source>
      <translation>帧 {n}/{total}</translation>
    </message>
    <message>
      <source>Position {mm} mm</source>
      <translation>位置 {mm} mm</translation>
    </message>
    <message>
      <source>Uncalibrated: no pixel spacing in the patient</source>
      <translation>未校准：无患者层面的像素间距</translation>
    </message>
    <message>
      <source>Photo {w}×{h}</source>
      <translation>照片 {w}×{h}</translation>
    </message>
    <message>
      <source>W {width}  L {center}</source>
      <translation>窗宽 {width}  窗位 {center}</translation>
    </message>
    <message>
      <source>VOI LUT of the file</source>
      <translation>文件自带 VOI LUT</translation>
    </message>
    <message>
      <source>Inverted</source>
      <translation>已反相</translation>
    </message>
    <message>
      <source>★ Key image</source>
      <translation>★ 关键图像</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Rotated {degrees}°</source>
      <translation>已旋转 {degrees}°</translation>
    </message>
    <message>
      <source>Flipped left-right</source>
      <translation>已左右翻转</translation>
    </message>
    <message>
      <source>Cine {fps} images/s (+/-)</source>
      <translation>电影回放 {fps} 帧/秒（+/-）</translation>
    </message>
    <message>
      <source>Missing slices: a gap of {mm} mm (about {n}) next to this image</source>
      <translation>层面缺失：本图旁有 {mm} mm 的间隙（约缺 {n} 层）</translation>
    </message>
    <message>
      <source>Series incomplete: {count} gap(s) in the slice positions</source>
      <translation>序列不完整：层面位置有 {count} 处缺口</translation>
    </message>
    <message>
      <source>Linked</source>
      <translation>已联动</translation>
    </message>
    <message>
      <source>Not linked</source>
      <translation>未联动</translation>
    </message>
    <message>
      <source>Fit (F)</source>
      <translation>适应 (F)</translation>
    </message>
    <message>
      <source>Fit the image to the window</source>
      <translation>将图像缩放到适应窗口</translation>
    </message>
    <message>
      <source>1:1 (1)</source>
      <translation>原大 (1)</translation>
    </message>
    <message>
      <source>One image pixel per screen pixel</source>
      <translation>一个图像像素对应一个屏幕像素</translation>
    </message>
    <message>
      <source>Invert (I)</source>
      <translation>反相 (I)</translation>
    </message>
    <message>
      <source>Show the image inverted</source>
      <translation>以反相显示图像</translation>
    </message>
    <message>
      <source>Overlay (O)</source>
      <translation>信息 (O)</translation>
    </message>
    <message>
      <source>Show or hide the slice, position and window text</source>
      <translation>显示或隐藏层面、位置和窗宽窗位文字</translation>
    </message>
    <message>
      <source>Length (L)</source>
      <translation>测长 (L)</translation>
    </message>
    <message>
      <source>Measure a distance: in mm only with the pixel spacing in the patient</source>
      <translation>测量距离：仅在有患者体内像素间距时以毫米显示</translation>
    </message>
    <message>
      <source>Angle (A)</source>
      <translation>角度 (A)</translation>
    </message>
    <message>
      <source>Measure an angle: drag one arm, click the end of the other</source>
      <translation>测量角度：拖出一条边，再点击另一条边的终点</translation>
    </message>
    <message>
      <source>Ellipse (E)</source>
      <translation>椭圆 (E)</translation>
    </message>
    <message>
      <source>Mean, SD and area inside an ellipse (HU on CT)</source>
      <translation>椭圆内的均值、标准差和面积（CT 为 HU）</translation>
    </message>
    <message>
      <source>Cine (C)</source>
      <translation>电影 (C)</translation>
    </message>
    <message>
      <source>Play the stack in a loop; +/- change the rate while it plays</source>
      <translation>循环播放图像序列；播放时 +/- 调整速度</translation>
    </message>
    <message>
      <source>Key image (K)</source>
      <translation>关键图像 (K)</translation>
    </message>
    <message>
      <source>Mark this image, with its window, as a key image for the meeting</source>
      <translation>将此图像（连同当前窗宽窗位）标记为会议关键图像</translation>
    </message>
    <message>
      <source>Export PNG (Ctrl+E)</source>
      <translation>导出 (Ctrl+E)</translation>
    </message>
    <message>
      <source>Save the image as shown (without zoom) to a PNG file</source>
      <translation>将当前显示的图像（不含缩放）保存为 PNG 文件</translation>
    </message>
    <message>
      <source>Copy (Ctrl+C)</source>
      <translation>复制 (Ctrl+C)</translation>
    </message>
    <message>
      <source>Copy the image as shown to the clipboard</source>
      <translation>将当前显示的图像复制到剪贴板</translation>
    </message>
    <message>
      <source>Image viewer</source>
      <translation>影像查看器</translation>
    </message>
    <message>
      <source>Window presets; right-drag on the image changes the window</source>
      <translation>窗宽窗位预设；在图像上按住右键拖动可调整窗宽窗位</translation>
    </message>
    <message>
      <source>File window</source>
      <translation>文件窗</translation>
    </message>
    <message>
      <source>Series (B)</source>
      <translation>序列 (B)</translation>
    </message>
    <message>
      <source>Show or hide the series of this case; [ and ] open the previous or next</source>
      <translation>显示或隐藏本病例的序列；[ 和 ] 打开上一个或下一个序列</translation>
    </message>
    <message>
      <source>Side by side (S)</source>
      <translation>并排对比 (S)</translation>
    </message>
    <message>
      <source>A second pane for another series (the prior); click a series to load it into the framed pane</source>
      <translation>为另一序列（既往检查）打开第二个窗格；点击序列即载入带边框的窗格</translation>
    </message>
    <message>
      <source>Linked (Ctrl+L)</source>
      <translation>联动 (Ctrl+L)</translation>
    </message>
    <message>
      <source>Scroll and window both panes together, by slice position; line up the same anatomy first, then link</source>
      <translation>按层面位置同步翻层并同步窗宽窗位；请先对齐相同解剖层面，再开启联动</translation>
    </message>
    <message>
      <source>Full range</source>
      <translation>全范围</translation>
    </message>
    <message>
      <source>Lung</source>
      <translation>肺窗</translation>
    </message>
    <message>
      <source>Mediastinum</source>
      <translation>纵隔窗</translation>
    </message>
    <message>
      <source>Soft tissue</source>
      <translation>软组织窗</translation>
    </message>
    <message>
      <source>Bone</source>
      <translation>骨窗</translation>
    </message>
    <message>
      <source>Brain</source>
      <translation>脑窗</translation>
    </message>
    <message>
      <source>Liver</source>
      <translation>肝窗</translation>
    </message>
    <message>
      <source>Abdomen</source>
      <translation>腹部窗</translation>
    </message>
    <message>
      <source>Your role cannot mark key images.</source>
      <translation>您的角色不能标记关键图像。</translation>
    </message>
    <message>
      <source>Wait until the image is shown, then mark it.</source>
      <translation>请等图像显示后再标记。</translation>
    </message>
    <message>
      <source>Marked as a key image for the meeting.</source>
      <translation>已标记为会议关键图像。</translation>
    </message>
    <message>
      <source>Nothing to export yet.</source>
      <translation>尚无可导出的图像。</translation>
    </message>
    <message>
      <source>Export the image</source>
      <translation>导出图像</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <source>The image could not be saved to {path}.</source>
      <translation>图像无法保存到 {path}。</translation>
    </message>
    <message>
      <source>Saved to {path}.</source>
      <translation>已保存到 {path}。</translation>
    </message>
    <message>
      <source>Copied to the clipboard.</source>
      <translation>已复制到剪贴板。</translation>
    </message>
    <message>
      <source>{value} mm</source>
      <translation>{value} mm</translation>
    </message>
    <message>
      <source>{value} px (uncalibrated)</source>
      <translation>{value} 像素（未校准）</translation>
    </message>
    <message>
      <source>{value}°</source>
      <translation>{value}°</translation>
    </message>
    <message>
      <source>Mean {mean}  SD {sd} {unit}</source>
      <translation>均值 {mean}  标准差 {sd} {unit}</translation>
    </message>
    <message>
      <source>Min {min}  Max {max}</source>
      <translation>最小 {min}  最大 {max}</translation>
    </message>
    <message>
      <source>Area {value} mm²</source>
      <translation>面积 {value} mm²</translation>
    </message>
    <message>
      <source>Area {value} px² (uncalibrated)</source>
      <translation>面积 {value} 像素²（未校准）</translation>
    </message>
    <message>
      <source>Length: drag on the image (Esc cancels).</source>
      <translation>测长：在图像上拖动（Esc 取消）。</translation>
    </message>
    <message>
      <source>Angle: drag the first arm, then click the end of the second.</source>
      <translation>测角：拖出第一条边，再点击第二条边的终点。</translation>
    </message>
    <message>
      <source>Ellipse: drag from corner to corner.</source>
      <translation>椭圆：从一角拖到对角。</translation>
    </message>
    <message>
      <source>Wait until the image is shown, then measure.</source>
      <translation>请等图像显示后再测量。</translation>
    </message>
    <message>
      <source>Measurements are shown but not saved: your role cannot change the case.</source>
      <translation>测量结果仅在屏幕上显示、不会保存：您的角色不能修改病例。</translation>
    </message>
    <message>
      <source>Measurement deleted. Ctrl+Z brings it back.</source>
      <translation>测量已删除。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
      <source>Measurement restored.</source>
      <translation>测量已恢复。</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import a consultation package</source>
      <translation>导入会诊包</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Choose the file and type its passphrase, then press Check: the signature and every file are verified before anything is shown.</source>
      <translation>请选择文件并输入口令，然后点击“校验”：先校验签名和每个文件，再显示内容。</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>校验</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a package</source>
      <translation>选择会诊包</translation>
    </message>
    <message>
      <source>Case packages (*.mdtpkg)</source>
      <translation>会诊包 (*.mdtpkg)</translation>
    </message>
    <message>
      <source>There is no file %1.</source>
      <translation>文件 %1 不存在。</translation>
    </message>
    <message>
      <source>This package cannot be imported: its sender is not trusted here.</source>
      <translation>无法导入此会诊包：本机不信任其发送方。</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>inpatient number</source>
      <translation>住院号</translation>
    </message>
    <message>
      <source>Same patient?</source>
      <translation>是同一患者吗？</translation>
    </message>
    <message>
      <source>The patient in this package matches patient %1 here by %2. Add the case to that patient? (No: nothing is imported.)</source>
      <translation>会诊包中的患者按%2与本机患者 %1 匹配。是否将病例添加到该患者？（否：不导入任何内容。）</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>未导入任何内容。</translation>
    </message>
    <message>
      <source>Nothing new: this package is already case %1.</source>
      <translation>没有新内容：此会诊包已导入为病例 %1。</translation>
    </message>
    <message>
      <source>The advice was added to case %1 as an advisory opinion of the upper-level hospital.</source>
      <translation>该意见已作为上级医院会诊意见（参考）添加到病例 %1。</translation>
    </message>
    <message>
      <source>Imported as case %1; %2 new file(s), %3 already stored.</source>
      <translation>已导入为病例 %1；新文件 %2 个，已存在 %3 个。</translation>
    </message>
  </context>
  <context>
    <name>ImportFlow</name>
    <message>
      <source>{name} (inpatient no. {number})</source>
      <translation>{name}（住院号 {number}）</translation>
    </message>
    <message>
      <source>{name} (ID card no. {number})</source>
      <translation>{name}（身份证号 {number}）</translation>
    </message>
  </context>
  <context>
    <name>ImportProgressDialog</name>
    <message>
      <source>Adding attachments</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reading the patient details in the images…</source>
      <translation>正在读取影像中的患者信息…</translation>
    </message>
    <message>
      <source>Importing file {n} of {total}</source>
      <translation>正在导入第 {n} 个文件，共 {total} 个</translation>
    </message>
    <message>
      <source>Stopping after the current file… the files already imported stay.</source>
      <translation>当前文件处理完后停止…已导入的文件会保留。</translation>
    </message>
  </context>
  <context>
    <name>ImportReportModel</name>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <source>Already registered (patient no. {id}); not imported again.</source>
      <translation>已登记（患者编号 {id}），未重复导入。</translation>
    </message>
  </context>
  <context>
    <name>ImportResultsDialog</name>
    <message>
      <source>Import results</source>
      <translation>导入结果</translation>
    </message>
    <message>
      <source>The import was cancelled: {n} file(s) were not read. The files already imported stay in the case.</source>
      <translation>导入已取消：{n} 个文件未读取。已导入的文件保留在病例中。</translation>
    </message>
    <message>
      <source>{n} imported file(s) carry a warning: check them in the case.</source>
      <translation>{n} 个已导入的文件带有警告，请在病例中核对。</translation>
    </message>
    <message>
      <source>{n} of the files not imported are no images, photos or PDF (for example the viewer program on a disc); they are listed last.</source>
      <translation>未导入的文件中有 {n} 个不是影像、照片或 PDF（例如光盘自带的看图软件），列在最后。</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Reason or warning</source>
      <translation>原因或警告</translation>
    </message>
    <message>
      <source>Show only files with a problem</source>
      <translation>只显示有问题的文件</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Copy list</source>
      <translation>复制列表</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
  </context>
  <context>
    <name>IndicatorTable</name>
    <message>
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>符合/纳入</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>定义</translation>
    </message>
    <message>
      <source>Click to list the cases behind this figure</source>
      <translation>单击列出该数字对应的病例</translation>
    </message>
    <message>
      <source>%1 d</source>
      <translation>%1 天</translation>
    </message>
  </context>
  <context>
    <name>InsuranceCombo</name>
    <message>
      <source>(not recorded)</source>
      <translation>（未填写）</translation>
    </message>
    <message>
      <source>Urban employee medical insurance</source>
      <translation>城镇职工医保</translation>
    </message>
    <message>
      <source>Urban and rural resident medical insurance</source>
      <translation>城乡居民医保</translation>
    </message>
    <message>
      <source>New rural cooperative medical scheme</source>
      <translation>新农合</translation>
    </message>
    <message>
      <source>Commercial insurance</source>
      <translation>商业保险</translation>
    </message>
    <message>
      <source>Self-paying</source>
      <translation>自费</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
  </context>
  <context>
    <name>LabelDelegate</name>
    <message>
      <source>What this material is: imaging, pathology, report or other (F2 in the list)</source>
      <translation>资料类别：影像、病理、报告或其他（在列表中按 F2）</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <source>MDT Desk is locked</source>
      <translation>多学科诊疗工作台已锁定</translation>
    </message>
    <message>
      <source>%1 was away; patient data is hidden. Enter the password to continue.</source>
      <translation>%1 暂时离开，患者数据已隐藏。请输入密码继续。</translation>
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
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Log in as another user</source>
      <translation>以其他用户登录</translation>
    </message>
    <message>
      <source>Logging in as another user closes %1's windows; what they typed is kept as a draft.</source>
      <translation>以其他用户登录将关闭 %1 的所有窗口；已输入的内容会保存为草稿。</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Enter the user name and password.</source>
      <translation>请输入用户名和密码。</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Log in — MDT Desk</source>
      <translation>登录 — 多学科诊疗工作台</translation>
    </message>
    <message>
      <source>MDT Desk</source>
      <translation>多学科诊疗工作台</translation>
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
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Enter your user name and password.</source>
      <translation>请输入用户名和密码。</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在验证…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>MDT Desk</source>
      <translation>多学科诊疗工作台</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>病例</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>管理</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Log out</source>
      <translation>注销(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Patients</source>
      <translation>患者(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Documents</source>
      <translation>文书(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>MDT &amp;teams…</source>
      <translation>MDT团队(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About MDT Desk…</source>
      <translation>关于多学科诊疗工作台(&amp;A)…</translation>
    </message>
    <message>
      <source>Logged in: %1 (%2)</source>
      <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
      <source>Data: %1</source>
      <translation>数据：%1</translation>
    </message>
  </context>
  <context>
    <name>MaterialTab</name>
    <message>
      <source>Importing and viewing imaging, pathology and reports is not available in this version yet.</source>
      <translation>此版本尚不能导入和查看影像、病理及报告。</translation>
    </message>
  </context>
  <context>
    <name>MeetingCapture</name>
    <message>
      <source>What is to be done</source>
      <translation>待办内容</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Add action</source>
      <translation>添加待办事项</translation>
    </message>
    <message>
      <source>Insert in the table; Ctrl+Delete removes</source>
      <translation>在表格中按 Insert 添加；Ctrl+Delete 删除</translation>
    </message>
    <message>
      <source>Remove action</source>
      <translation>删除待办事项</translation>
    </message>
    <message>
      <source>Enter a date as YYYY-MM-DD.</source>
      <translation>请按 YYYY-MM-DD 格式输入日期。</translation>
    </message>
    <message>
      <source>Finalised by %1 at %2</source>
      <translation>已由 %1 于 %2 定稿</translation>
    </message>
    <message>
      <source>Treat locally</source>
      <translation>本院治疗</translation>
    </message>
    <message>
      <source>Refer upward: %1</source>
      <translation>上转：%1</translation>
    </message>
    <message>
      <source>Chair's summary</source>
      <translation>主持人总结</translation>
    </message>
    <message>
      <source>Recommended treatment</source>
      <translation>推荐治疗方式</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>治疗方案</translation>
    </message>
    <message>
      <source>Alternatives</source>
      <translation>备选方案</translation>
    </message>
    <message>
      <source>Intent</source>
      <translation>治疗目的</translation>
    </message>
    <message>
      <source>Guideline</source>
      <translation>指南依据</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>治疗地点</translation>
    </message>
    <message>
      <source>Patient/family preference</source>
      <translation>患者/家属意愿</translation>
    </message>
    <message>
      <source>Dissent</source>
      <translation>不同意见</translation>
    </message>
    <message>
      <source>Further work-up</source>
      <translation>进一步检查</translation>
    </message>
    <message>
      <source>Re-discuss on</source>
      <translation>再次讨论日期</translation>
    </message>
    <message>
      <source>Action: %1 — %2 %3 %4</source>
      <translation>待办：%1 — %2 %3 %4</translation>
    </message>
    <message>
      <source>Amendment reason: %1</source>
      <translation>修订理由：%1</translation>
    </message>
    <message>
      <source>Finalise the decision</source>
      <translation>决议定稿</translation>
    </message>
    <message>
      <source>Finalise this decision? It becomes read-only; a later correction needs an amendment with a reason.</source>
      <translation>确定将此决议定稿吗？定稿后不可再编辑；以后如需更正，须填写理由并提交修订。</translation>
    </message>
    <message>
      <source>Finalise</source>
      <translation>定稿</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Amend the decision</source>
      <translation>修订决议</translation>
    </message>
    <message>
      <source>Why must the finalised decision be corrected? (required, kept with both versions)</source>
      <translation>为什么需要更正已定稿的决议？（必填，与新旧两个版本一并保存）</translation>
    </message>
    <message>
      <source>Start the amendment</source>
      <translation>开始修订</translation>
    </message>
    <message>
      <source>No case on the agenda is waiting to be discussed.</source>
      <translation>议程中没有待讨论的病例。</translation>
    </message>
    <message>
      <source>Case %1/%2</source>
      <translation>病例 %1/%2</translation>
    </message>
    <message>
      <source>Only the chair finalises.</source>
      <translation>只有主持人可以定稿。</translation>
    </message>
    <message>
      <source>Amendment (version %1) — reason: %2</source>
      <translation>修订稿（第 %1 版）— 理由：%2</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>未保存：%1</translation>
    </message>
    <message>
      <source>Finalised</source>
      <translation>已定稿</translation>
    </message>
    <message>
      <source>Superseded</source>
      <translation>已被取代</translation>
    </message>
    <message>
      <source>Version %1 (%2)</source>
      <translation>第 %1 版（%2）</translation>
    </message>
    <message>
      <source>Decision versions</source>
      <translation>决议各版本</translation>
    </message>
    <message>
      <source>Finalise…</source>
      <translation>定稿…</translation>
    </message>
    <message>
      <source>Amend…</source>
      <translation>修订…</translation>
    </message>
    <message>
      <source>Discard the amendment</source>
      <translation>放弃修订</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>This case has not been discussed yet.</source>
      <translation>此病例尚未讨论。</translation>
    </message>
    <message>
      <source>(not set)</source>
      <translation>未选</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>无指南</translation>
    </message>
    <message>
      <source>Version, e.g. 2025</source>
      <translation>版本，如 2025</translation>
    </message>
    <message>
      <source>Intent / guideline</source>
      <translation>治疗目的/指南</translation>
    </message>
    <message>
      <source>Refer upward</source>
      <translation>上转上级医院</translation>
    </message>
    <message>
      <source>Hospital referred to</source>
      <translation>转往医院</translation>
    </message>
    <message>
      <source>Action items</source>
      <translation>待办事项</translation>
    </message>
    <message>
      <source>Re-discussion</source>
      <translation>再次讨论</translation>
    </message>
    <message>
      <source>Conference type</source>
      <translation>讨论类型</translation>
    </message>
    <message>
      <source>Opinions of the attendees</source>
      <translation>与会专家意见</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决议</translation>
    </message>
    <message>
      <source>◀ Previous case</source>
      <translation>◀ 上一例</translation>
    </message>
    <message>
      <source>Mark discussed</source>
      <translation>标记为已讨论</translation>
    </message>
    <message>
      <source>Next case ▶</source>
      <translation>下一例 ▶</translation>
    </message>
    <message>
      <source>Versions…</source>
      <translation>版本…</translation>
    </message>
    <message>
      <source>Nobody has signed in yet: sign in the attendees to record their opinions.</source>
      <translation>尚无人签到：请先为与会人员签到，再记录其意见。</translation>
    </message>
    <message>
      <source>Opinion of %1</source>
      <translation>%1 的意见</translation>
    </message>
    <message>
      <source>Recorded %1 by %2</source>
      <translation>%1 由 %2 记录</translation>
    </message>
    <message>
      <source>Attendees first, then every user; or type a name</source>
      <translation>先列出与会者，再列出全部用户；也可直接输入姓名</translation>
    </message>
  </context>
  <context>
    <name>MeetingDetailPanel</name>
    <message>
      <source>Choose a meeting on the left, or schedule one.</source>
      <translation>请在左侧选择一次会议，或安排新会议。</translation>
    </message>
    <message>
      <source>&amp;Start meeting</source>
      <translation>开始会议(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Close meeting</source>
      <translation>结束会议(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Add cases…</source>
      <translation>添加病例(&amp;A)…</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>上移(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Minutes…</source>
      <translation>时长(&amp;M)…</translation>
    </message>
    <message>
      <source>Record a protocol case with the standard decision, without meeting time</source>
      <translation>按标准方案备案的病例：记录标准意见，不占会议时间</translation>
    </message>
    <message>
      <source>Shortcut: %1</source>
      <translation>快捷键：%1</translation>
    </message>
    <message>
      <source>Move dow&amp;n</source>
      <translation>下移(&amp;N)</translation>
    </message>
    <message>
      <source>P&amp;ostpone…</source>
      <translation>推迟(&amp;O)…</translation>
    </message>
    <message>
      <source>Trac&amp;k…</source>
      <translation>备案/讨论(&amp;K)…</translation>
    </message>
    <message>
      <source>Ne&amp;xt case</source>
      <translation>下一例(&amp;X)</translation>
    </message>
    <message>
      <source>Mark discussed</source>
      <translation>标记已讨论(&amp;J)</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>议程</translation>
    </message>
    <message>
      <source>&amp;Invite team</source>
      <translation>邀请团队(&amp;I)</translation>
    </message>
    <message>
      <source>Invite guests…</source>
      <translation>邀请特邀专家(&amp;B)…</translation>
    </message>
    <message>
      <source>Guest experts, e.g. from the upper-level hospital (no login needed)</source>
      <translation>特邀专家，如上级医院专家（无需登录账号）</translation>
    </message>
    <message>
      <source>Si&amp;gn in</source>
      <translation>签到(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Left</source>
      <translation>离场(&amp;L)</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出席</translation>
    </message>
    <message>
      <source>No meeting chosen</source>
      <translation>未选择会议</translation>
    </message>
    <message>
      <source>%1 · %2 min · chair: %3 · %4</source>
      <translation>%1 · %2 分钟 · 主持人：%3 · %4</translation>
    </message>
    <message>
      <source>Total: %1 min (planned %2 min)</source>
      <translation>合计：%1 分钟（会议计划 %2 分钟）</translation>
    </message>
    <message>
      <source>now: %1</source>
      <translation>当前：%1</translation>
    </message>
    <message>
      <source>Quorum met.</source>
      <translation>已达到法定人数。</translation>
    </message>
    <message>
      <source>Quorum not met:</source>
      <translation>未达到法定人数：</translation>
    </message>
    <message>
      <source>The chair's reason to proceed: %1</source>
      <translation>主持人决定继续的理由：%1</translation>
    </message>
  </context>
  <context>
    <name>MeetingFormat</name>
    <message>
      <source>Discuss</source>
      <translation>讨论</translation>
    </message>
    <message>
      <source>Listed only</source>
      <translation>仅备案</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>待讨论</translation>
    </message>
    <message>
      <source>Discussed</source>
      <translation>已讨论</translation>
    </message>
    <message>
      <source>Postponed</source>
      <translation>已推迟</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>已撤回</translation>
    </message>
    <message>
      <source>Ready for the meeting</source>
      <translation>资料齐全，可以上会</translation>
    </message>
    <message>
      <source>Not ready:</source>
      <translation>资料不全：</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Tumour type</source>
      <translation>肿瘤类型</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>时长(分钟)</translation>
    </message>
    <message>
      <source>Track</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>资料</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>%1 (postponed from %2)</source>
      <translation>%1（延期自 %2）</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Discipline</source>
      <translation>学科</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Signed in</source>
      <translation>签到时间</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>迟到</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>离场时间</translation>
    </message>
    <message>
      <source>Signed in by %1</source>
      <translation>由 %1 签到</translation>
    </message>
    <message>
      <source>Diagnosis</source>
      <translation>诊断</translation>
    </message>
    <message>
      <source>Case status</source>
      <translation>病例状态</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决策</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>用时</translation>
    </message>
    <message>
      <source>No decision</source>
      <translation>无决策</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Finalised</source>
      <translation>已定稿</translation>
    </message>
    <message>
      <source>Superseded</source>
      <translation>已被取代</translation>
    </message>
  </context>
  <context>
    <name>MeetingListView</name>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Sch&amp;edule meeting…</source>
      <translation>安排会议(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Teams…</source>
      <translation>团队(&amp;T)…</translation>
    </message>
    <message>
      <source>MDT teams: members, roles and the quorum rule</source>
      <translation>MDT团队：成员、角色与法定人数规则</translation>
    </message>
    <message>
      <source>&amp;Waiting cases…</source>
      <translation>待上会病例(&amp;W)…</translation>
    </message>
    <message>
      <source>Cases waiting for a meeting, per team</source>
      <translation>按团队列出等待上会的病例</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>会议</translation>
    </message>
    <message numerus="yes">
      <source>%n meeting(s), </source>
      <translation>
        <numerusform>共 %n 次会议，</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n still to come.</source>
      <translation>
        <numerusform>其中 %n 次尚未召开。</numerusform>
      </translation>
    </message>
    <message>
      <source>No meetings yet. The MDT secretary schedules them.</source>
      <translation>尚无会议。会议由MDT秘书安排。</translation>
    </message>
    <message>
      <source>No meeting today.</source>
      <translation>今天没有会议。</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translation>今天：%1</translation>
    </message>
  </context>
  <context>
    <name>MeetingRecordView</name>
    <message>
      <source>Cases</source>
      <translation>病例</translation>
    </message>
    <message>
      <source>Choose a case above to read its opinions and decision.</source>
      <translation>在上方选择病例，查看各专家意见和讨论决定。</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出席</translation>
    </message>
    <message>
      <source>Started %1, ended %2 (duration %3).</source>
      <translation>%1 开始，%2 结束（用时 %3）。</translation>
    </message>
    <message>
      <source>Proceeded without a quorum; the chair's reason: %1</source>
      <translation>未达法定人数仍召开；主持人的理由：%1</translation>
    </message>
    <message>
      <source>Listed with the standard decision: %1</source>
      <translation>按标准方案备案：%1</translation>
    </message>
    <message>
      <source>Postponed: %1</source>
      <translation>已延期：%1</translation>
    </message>
    <message>
      <source>Opinions</source>
      <translation>专家意见</translation>
    </message>
    <message>
      <source>recorded %1 by %2</source>
      <translation>%1 由%2记录</translation>
    </message>
    <message>
      <source>Opinion of the upper-level hospital (advisory)</source>
      <translation>上级医院会诊意见（参考）</translation>
    </message>
    <message>
      <source>Decision, version %1</source>
      <translation>讨论决定（第%1版）</translation>
    </message>
  </context>
  <context>
    <name>MeetingTableModel</name>
    <message>
      <source>Date and time</source>
      <translation>日期时间</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Cases on agenda</source>
      <translation>议程病例数</translation>
    </message>
    <message>
      <source>Signed in</source>
      <translation>已签到</translation>
    </message>
  </context>
  <context>
    <name>MeetingTools</name>
    <message>
      <source>P&amp;resentation…</source>
      <translation>演示模式(&amp;R)…</translation>
    </message>
    <message>
      <source>Presenter console and the projector window (identity masked)</source>
      <translation>主持控制台与投影窗口（隐藏患者身份）</translation>
    </message>
    <message>
      <source>Record decisions…</source>
      <translation>记录讨论意见(&amp;Q)…</translation>
    </message>
    <message>
      <source>Opinions, the chair's summary and the plan, saved as you type</source>
      <translation>各科意见、主持人小结与治疗方案，输入时自动保存</translation>
    </message>
    <message>
      <source>Sign m&amp;y documents…</source>
      <translation>签署我的文书(&amp;Y)…</translation>
    </message>
    <message>
      <source>The finalised decisions waiting for your signature</source>
      <translation>等待您签署的已定稿决定</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Print preview of the agenda and every decision of this meeting (Ctrl+Shift+P)</source>
      <translation>本次会议议程及全部决定的打印预览（Ctrl+Shift+P）</translation>
    </message>
  </context>
  <context>
    <name>MemberDialog</name>
    <message>
      <source>Add a team member</source>
      <translation>添加团队成员</translation>
    </message>
    <message>
      <source>Edit team member</source>
      <translation>编辑团队成员</translation>
    </message>
    <message>
      <source>(no account: guest expert)</source>
      <translation>（无账号：特邀专家）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>(not given)</source>
      <translation>（未填写）</translation>
    </message>
    <message>
      <source>For guests: their hospital, e.g. 省人民医院</source>
      <translation>特邀专家填写所在医院，如 省人民医院</translation>
    </message>
    <message>
      <source>&amp;Account:</source>
      <translation>账号(&amp;A)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Department:</source>
      <translation>科室(&amp;D)：</translation>
    </message>
    <message>
      <source>D&amp;iscipline:</source>
      <translation>学科(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Title (职称):</source>
      <translation>职称(&amp;T)：</translation>
    </message>
    <message>
      <source>&amp;Role in the team:</source>
      <translation>团队角色(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>所在单位(&amp;O)：</translation>
    </message>
    <message>
      <source>A guest without an account can attend and give opinions; the secretary signs them in.</source>
      <translation>没有账号的特邀专家也可参会并发表意见，由秘书代为签到。</translation>
    </message>
    <message>
      <source>Enter the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
  </context>
  <context>
    <name>MinutesDialog</name>
    <message>
      <source>Minutes for this case</source>
      <translation>本病例的讨论时长</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>&amp;Minutes:</source>
      <translation>时长(&amp;M)：</translation>
    </message>
  </context>
  <context>
    <name>NewUserDialog</name>
    <message>
      <source>New user</source>
      <translation>新建用户</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Temporary password</source>
      <translation>临时密码</translation>
    </message>
  </context>
  <context>
    <name>OpinionDialog</name>
    <message>
      <source>Send the opinion back</source>
      <translation>回传会诊意见</translation>
    </message>
    <message>
      <source>Your advice on case %1 goes back to the hospital that sent it, signed with your key. There it is shown as the upper-level hospital's advisory opinion: the treating team keeps the decision.</source>
      <translation>您对病例 %1 的意见将用您的密钥签名后回传给发送医院，并在对方显示为上级医院会诊意见（参考）：诊疗决定仍由主管团队作出。</translation>
    </message>
    <message>
      <source>The consultation opinion (会诊意见)</source>
      <translation>会诊意见</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Sign and export</source>
      <translation>签名并导出</translation>
    </message>
    <message>
      <source>Save the opinion package</source>
      <translation>保存会诊意见包</translation>
    </message>
    <message>
      <source>Case packages (*.mdtpkg)</source>
      <translation>会诊包 (*.mdtpkg)</translation>
    </message>
    <message>
      <source>Write the opinion first.</source>
      <translation>请先填写会诊意见。</translation>
    </message>
    <message>
      <source>Choose where to save the package (is the USB stick plugged in?).</source>
      <translation>请选择会诊包的保存位置（U盘是否已插入？）。</translation>
    </message>
    <message>
      <source>Signing and writing…</source>
      <translation>正在签名并写入…</translation>
    </message>
    <message>
      <source>Wrote %1. Tell the receiver the passphrase by another way than the file.</source>
      <translation>已写入 %1。请通过文件以外的途径把口令告知接收方。</translation>
    </message>
  </context>
  <context>
    <name>PackageActions</name>
    <message>
      <source>Export consultation package…</source>
      <translation>导出会诊包…</translation>
    </message>
    <message>
      <source>Write the consultation opinion and send it back…</source>
      <translation>撰写会诊意见并回传…</translation>
    </message>
    <message>
      <source>Import consultation package…</source>
      <translation>导入会诊包…</translation>
    </message>
    <message>
      <source>Import package…</source>
      <translation>导入会诊包…</translation>
    </message>
  </context>
  <context>
    <name>PackageDialogs</name>
    <message>
      <source>The passphrase must have at least {n} characters.</source>
      <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The passphrase is too weak: mix letters with digits or signs, or use at least {n} characters.</source>
      <translation>口令太弱：请混合使用字母与数字或符号，或者至少使用 {n} 个字符。</translation>
    </message>
    <message>
      <source>The two passphrases differ. Type the same passphrase twice.</source>
      <translation>两次输入的口令不一致，请输入相同的口令。</translation>
    </message>
    <message>
      <source>De-identifying the files…</source>
      <translation>正在对文件去标识化…</translation>
    </message>
    <message>
      <source>Encrypting and writing the package…</source>
      <translation>正在加密并写入会诊包…</translation>
    </message>
    <message>
      <source>Checking the signature and every file…</source>
      <translation>正在校验签名和每个文件…</translation>
    </message>
    <message>
      <source>Storing the files…</source>
      <translation>正在保存文件…</translation>
    </message>
    <message>
      <source>Package passphrase (at least %1 characters):</source>
      <translation>会诊包口令（至少 %1 个字符）：</translation>
    </message>
    <message>
      <source>Passphrase again:</source>
      <translation>再次输入口令：</translation>
    </message>
    <message>
      <source>Your login password: it unlocks your signing key</source>
      <translation>您的登录密码：用于解锁您的签名密钥</translation>
    </message>
    <message>
      <source>Your password (to sign):</source>
      <translation>您的密码（用于签名）：</translation>
    </message>
    <message>
      <source>Type the package passphrase (the sender tells it to you by another way than the file).</source>
      <translation>请输入会诊包口令（由发送方通过文件以外的途径告知）。</translation>
    </message>
    <message>
      <source>Type your password: the package is signed with your key.</source>
      <translation>请输入您的密码：会诊包将用您的密钥签名。</translation>
    </message>
    <message>
      <source>Package file:</source>
      <translation>会诊包文件：</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>De-identification will:</source>
      <translation>去标识化将：</translation>
    </message>
    <message>
      <source>• replace the name, ID number, phone, address and inpatient/outpatient numbers by a package pseudonym, in the records and in every text field;</source>
      <translation>• 在记录和所有文本字段中，用会诊包化名替换姓名、身份证号、电话、地址及住院号/门诊号；</translation>
    </message>
    <message>
      <source>• de-identify DICOM following PS3.15 (basic profile): patient and institution attributes removed, dates shifted by one secret offset, UIDs remapped consistently, private attributes removed;</source>
      <translation>• 按 DICOM PS3.15（基本规则）对影像去标识化：删除患者和机构属性，日期按同一保密偏移量平移，UID 一致重映射，删除私有属性；</translation>
    </message>
    <message>
      <source>• strip EXIF, comments and GPS from photos;</source>
      <translation>• 去除照片中的 EXIF、注释和 GPS 信息；</translation>
    </message>
    <message>
      <source>• leave out PDFs, slides and signed PDFs: their identity cannot be removed reliably (the decision travels in the records).</source>
      <translation>• 不包含 PDF、切片和已签署的 PDF：其身份信息无法可靠去除（诊疗意见随记录发送）。</translation>
    </message>
    <message>
      <source>⚠ Burned-in text cannot be removed automatically. Check these images for names or numbers in the pixels before sending:</source>
      <translation>⚠ 嵌入像素的文字无法自动去除。发送前请检查以下图像的像素中是否有姓名或编号：</translation>
    </message>
    <message>
      <source>Removed or replaced:</source>
      <translation>已删除或替换：</translation>
    </message>
    <message>
      <source>Not included:</source>
      <translation>未包含：</translation>
    </message>
    <message>
      <source>Signed by %1 of %2 — trusted by this installation (certificate %3)</source>
      <translation>由 %2 的 %1 签名——本机信任（证书 %3）</translation>
    </message>
    <message>
      <source>Signed by %1 of %2, whose hospital is NOT trusted by this installation (certificate %3). Nothing can be imported until the administrator imports that hospital's root certificate.</source>
      <translation>由 %2 的 %1 签名，但本机不信任该医院（证书 %3）。在管理员导入该医院的根证书之前，不能导入任何内容。</translation>
    </message>
    <message>
      <source>Signature and every file's SHA-256 verified.</source>
      <translation>签名及每个文件的 SHA-256 均已校验。</translation>
    </message>
    <message>
      <source>Sent by %1 (%2) on %3 UTC</source>
      <translation>由 %1（%2）于 %3 UTC 发送</translation>
    </message>
    <message>
      <source>An opinion package (advice on a case this hospital sent):</source>
      <translation>会诊意见包（对本院所发病例的意见）：</translation>
    </message>
    <message>
      <source>de-identified</source>
      <translation>已去标识化</translation>
    </message>
    <message>
      <source>identified</source>
      <translation>可识别</translation>
    </message>
    <message>
      <source>Patient %1, case %2 (%3)</source>
      <translation>患者 %1，病例 %2（%3）</translation>
    </message>
    <message>
      <source>Diagnosis: %1</source>
      <translation>诊断：%1</translation>
    </message>
    <message>
      <source>%1 discussion(s), %2 file(s), %3</source>
      <translation>讨论 %1 次，文件 %2 个，%3</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>inpatient number</source>
      <translation>住院号</translation>
    </message>
    <message>
      <source>Matches patient %1 here by %2.</source>
      <translation>按%2与本机患者 %1 匹配。</translation>
    </message>
    <message>
      <source>Already imported here as case %1: importing again adds nothing.</source>
      <translation>已在本机导入为病例 %1：再次导入不会新增内容。</translation>
    </message>
  </context>
  <context>
    <name>PasswordChangeDialog</name>
    <message>
      <source>Change password</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>The administrator set a temporary password for %1. Choose your own password before you continue.</source>
      <translation>管理员为 %1 设置了临时密码。请先设置您自己的密码再继续。</translation>
    </message>
    <message>
      <source>Choose a new password for %1.</source>
      <translation>为 %1 设置新密码。</translation>
    </message>
    <message>
      <source>At least %1 characters, with letters and digits, and not your user name.</source>
      <translation>至少 %1 个字符，须同时包含字母和数字，且不能与用户名相同。</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>New password again</source>
      <translation>确认新密码</translation>
    </message>
    <message>
      <source>Back to log-in</source>
      <translation>返回登录</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Enter your current password and the new one.</source>
      <translation>请输入当前密码和新密码。</translation>
    </message>
    <message>
      <source>The two new passwords differ. Type the new password twice.</source>
      <translation>两次输入的新密码不一致，请重新输入两次新密码。</translation>
    </message>
    <message>
      <source>Change &amp;password…</source>
      <translation>修改密码(&amp;P)…</translation>
    </message>
  </context>
  <context>
    <name>PatientActions</name>
    <message>
      <source>Register a patient…</source>
      <translation>登记患者…</translation>
    </message>
    <message>
      <source>Register a new patient</source>
      <translation>登记新患者</translation>
    </message>
    <message>
      <source>Import a patient list…</source>
      <translation>导入患者名单…</translation>
    </message>
    <message>
      <source>Register the patients of a .csv or .xlsx list, with a result for every row</source>
      <translation>从 .csv 或 .xlsx 名单登记患者，并逐行给出结果</translation>
    </message>
    <message>
      <source>Your role does not allow registering patients.</source>
      <translation>您的角色无权登记患者。</translation>
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <source>Edit patient</source>
      <translation>编辑患者信息</translation>
    </message>
    <message>
      <source>Register a patient</source>
      <translation>登记患者</translation>
    </message>
    <message>
      <source>18 characters</source>
      <translation>18 位</translation>
    </message>
    <message>
      <source>Mobile or landline</source>
      <translation>手机或固定电话</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Inpatient no.</source>
      <translation>住院号</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Outpatient no.</source>
      <translation>门诊号</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>医保类型</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>This version cannot read back the outpatient number and insurance stored for this patient: enter them again if they are known, or saving leaves them empty.</source>
      <translation>此版本无法读取该患者已保存的门诊号和医保类型：如已知请重新填写，否则保存后这两项将为空。</translation>
    </message>
    <message>
      <source>✓ Valid; sex and birth date agree with it.</source>
      <translation>✓ 身份证号有效，性别和出生日期与之一致。</translation>
    </message>
    <message>
      <source>✓ Valid ID number.</source>
      <translation>✓ 身份证号有效。</translation>
    </message>
    <message>
      <source>Use {facts}</source>
      <translation>使用 {facts}</translation>
    </message>
    <message>
      <source>Enter the patient's name.</source>
      <translation>请输入患者姓名。</translation>
    </message>
    <message>
      <source>The ID number has 18 characters ({n} entered).</source>
      <translation>身份证号应为 18 位（已输入 {n} 位）。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Already registered: {patient}</source>
      <translation>已登记：{patient}</translation>
    </message>
    <message>
      <source>This ID or inpatient number belongs to another patient: {patient}</source>
      <translation>该身份证号或住院号已属于另一位患者：{patient}</translation>
    </message>
    <message>
      <source>Discard what you have entered?</source>
      <translation>放弃已输入的内容吗？</translation>
    </message>
  </context>
  <context>
    <name>PatientFormat</name>
    <message>
      <source>inpatient no. {number}</source>
      <translation>住院号 {number}</translation>
    </message>
    <message>
      <source>ID {number}</source>
      <translation>身份证号 {number}</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>{name} ({details})</source>
      <translation>{name}（{details}）</translation>
    </message>
  </context>
  <context>
    <name>PatientIdCheck</name>
    <message>
      <source>Character {pos} ({ch}) is not a digit: an ID number has 18 digits, only the last one may be X.</source>
      <translation>第 {pos} 位“{ch}”不是数字：身份证号为 18 位数字，只有最后一位可以是 X。</translation>
    </message>
    <message>
      <source>Too long: an ID number has 18 characters ({n} entered).</source>
      <translation>太长了：身份证号为 18 位（已输入 {n} 位）。</translation>
    </message>
    <message>
      <source>15 digits: this looks like an old ID number. Enter the 18-digit number of the current ID card.</source>
      <translation>15 位：这是旧版身份证号。请输入现行身份证上的 18 位号码。</translation>
    </message>
    <message>
      <source>{n} of 18 characters</source>
      <translation>已输入 {n} 位，共 18 位</translation>
    </message>
    <message>
      <source>Characters 7–14 should be the birth date, but {digits} is not a date: check the number.</source>
      <translation>第 7–14 位应为出生日期，但 {digits} 不是有效日期：请核对号码。</translation>
    </message>
    <message>
      <source>The birth date in the ID number ({date}) is in the future: check the number.</source>
      <translation>身份证号中的出生日期（{date}）晚于今天：请核对号码。</translation>
    </message>
    <message>
      <source>The birth date in the ID number ({date}) is too far in the past: check the number.</source>
      <translation>身份证号中的出生日期（{date}）过早：请核对号码。</translation>
    </message>
    <message>
      <source>The check digit (the last character) does not match the other 17: one of the characters is mistyped. Compare the number with the ID card digit by digit.</source>
      <translation>校验码（最后一位）与前 17 位不符：有某一位输错了。请对照身份证逐位核对。</translation>
    </message>
    <message>
      <source>This ID number is not valid.</source>
      <translation>身份证号无效。</translation>
    </message>
    <message>
      <source>{date}, {sex}</source>
      <translation>{date}，{sex}</translation>
    </message>
    <message>
      <source>The sex does not match the ID number, which says {sex}.</source>
      <translation>性别与身份证号不符（身份证号显示为{sex}）。</translation>
    </message>
    <message>
      <source>The birth date does not match the ID number, which says {date}.</source>
      <translation>出生日期与身份证号不符（身份证号显示为 {date}）。</translation>
    </message>
  </context>
  <context>
    <name>PatientImportDialog</name>
    <message>
      <source>Import a patient list</source>
      <translation>导入患者名单</translation>
    </message>
    <message>
      <source>A .csv or Excel (.xlsx) file whose first row names the columns: 姓名 (name), 性别 (sex), 出生日期 (birth date), 身份证号 (ID number), 住院号, 门诊号, 电话 (phone), 地址 (address), 医保类型 (insurance). UTF-8 and GB18030 files both work. Patients already registered (same ID or inpatient number) are not registered twice.</source>
      <translation>选择 .csv 或 Excel（.xlsx）文件，第一行为列名：姓名、性别、出生日期、身份证号、住院号、门诊号、电话、地址、医保类型。UTF-8 和 GB18030 编码均可。已登记的患者（身份证号或住院号相同）不会重复登记。</translation>
    </message>
    <message>
      <source>Choose a .csv or .xlsx file</source>
      <translation>请选择 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>开始导入</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Choose a patient list</source>
      <translation>选择患者名单</translation>
    </message>
    <message>
      <source>Patient lists (*.csv *.xlsx);;All files (*)</source>
      <translation>患者名单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
      <source>The file {path} does not exist.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <source>Stopping after the current row…</source>
      <translation>处理完当前行后停止…</translation>
    </message>
    <message>
      <source>Importing: row {row} done…</source>
      <translation>正在导入：已处理到第 {row} 行…</translation>
    </message>
    <message>
      <source>Stopped after row {row}: the rows up to it were imported (new patients are saved); the rows after it were not read.</source>
      <translation>已在第 {row} 行后停止：此前各行已处理（新建的患者已保存），其后的行未导入。</translation>
    </message>
    <message>
      <source>{n} row(s) read from {name}.</source>
      <translation>从 {name} 读取了 {n} 行。</translation>
    </message>
    <message>
      <source>Created {created}, duplicates {duplicate}, rejected {rejected}</source>
      <translation>新建 {created}，重复 {duplicate}，拒绝 {rejected}</translation>
    </message>
    <message>
      <source>Columns not recognised (ignored): {columns}</source>
      <translation>未识别的列（已忽略）：{columns}</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
  </context>
  <context>
    <name>PatientMismatchDialog</name>
    <message>
      <source>Check the patient</source>
      <translation>核对患者</translation>
    </message>
    <message>
      <source>The patient of these images is not the patient of this case</source>
      <translation>这些影像的患者与本病例不一致</translation>
    </message>
    <message>
      <source>Name in the images</source>
      <translation>影像中的姓名</translation>
    </message>
    <message>
      <source>Patient ID in the images</source>
      <translation>影像中的患者 ID</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>文件数</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <source>(no ID)</source>
      <translation>（无 ID）</translation>
    </message>
    <message>
      <source>Patient of this case: {patient}</source>
      <translation>本病例患者：{patient}</translation>
    </message>
    <message>
      <source>Check the name and ID on the disc. If you import them anyway, these files are marked with a warning in the case.</source>
      <translation>请核对光盘上的姓名和 ID。如仍然导入，这些文件会在病例中带有警告标记。</translation>
    </message>
    <message>
      <source>Import anyway</source>
      <translation>仍然导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PatientPicker</name>
    <message>
      <source>Choose a patient</source>
      <translation>选择患者</translation>
    </message>
    <message>
      <source>Search: name, pinyin (zhangsan or zs), inpatient/outpatient no. or ID number</source>
      <translation>搜索：姓名、拼音（zhangsan 或 zs）、住院号/门诊号或身份证号</translation>
    </message>
    <message>
      <source>Register a new patient…</source>
      <translation>登记新患者…</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>选择</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>正在搜索…</translation>
    </message>
    <message>
      <source>No patient found: register a new one?</source>
      <translation>没有找到患者：要登记新患者吗？</translation>
    </message>
    <message>
      <source>First {n} patients: type more to narrow</source>
      <translation>仅显示前 {n} 位：请输入更多字符缩小范围</translation>
    </message>
    <message>
      <source>{n} patient(s)</source>
      <translation>共 {n} 位患者</translation>
    </message>
  </context>
  <context>
    <name>PatientTableModel</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Inpatient no.</source>
      <translation>住院号</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Shown masked; the full number is on the patient's record.</source>
      <translation>已部分隐藏；完整号码见患者档案。</translation>
    </message>
  </context>
  <context>
    <name>PendingDraftsDialog</name>
    <message>
      <source>Unsaved text from last time</source>
      <translation>上次未保存的内容</translation>
    </message>
    <message>
      <source>Text typed into these cases was not saved last time:</source>
      <translation>上次在以下病例中输入的内容没有保存：</translation>
    </message>
    <message>
      <source>Open them</source>
      <translation>打开这些病例</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>暂不</translation>
    </message>
  </context>
  <context>
    <name>PostponeDialog</name>
    <message>
      <source>Postpone case %1</source>
      <translation>推迟病例 %1</translation>
    </message>
    <message>
      <source>No meeting yet (back to the waiting list)</source>
      <translation>暂不安排会议（退回待上会列表）</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>原因(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;To meeting:</source>
      <translation>改到会议(&amp;T)：</translation>
    </message>
    <message>
      <source>Enter the reason.</source>
      <translation>请填写原因。</translation>
    </message>
  </context>
  <context>
    <name>PresenterConsole</name>
    <message>
      <source>Presenter console</source>
      <translation>主持人控制台</translation>
    </message>
    <message>
      <source>Shortcut: %1</source>
      <translation>快捷键：%1</translation>
    </message>
    <message>
      <source>Previous case</source>
      <translation>上一例</translation>
    </message>
    <message>
      <source>Next case</source>
      <translation>下一例</translation>
    </message>
    <message>
      <source>Previous image</source>
      <translation>上一张图像</translation>
    </message>
    <message>
      <source>Next image</source>
      <translation>下一张图像</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>阅片器</translation>
    </message>
    <message>
      <source>Blank screen</source>
      <translation>黑屏</translation>
    </message>
    <message>
      <source>Unmask</source>
      <translation>显示姓名</translation>
    </message>
    <message>
      <source>Audience screen:</source>
      <translation>投屏屏幕：</translation>
    </message>
    <message>
      <source>Show audience window</source>
      <translation>显示投屏窗口</translation>
    </message>
    <message>
      <source>%1 · case %2 of %3</source>
      <translation>%1 · 第 %2/%3 例</translation>
    </message>
    <message>
      <source>Unmask the patient</source>
      <translation>显示患者姓名</translation>
    </message>
    <message>
      <source>Show the patient's full name on the audience screen? Everyone in the room will see it.</source>
      <translation>在投屏上显示患者全名吗？会场内所有人都将看到。</translation>
    </message>
    <message>
      <source>case page</source>
      <translation>病例页</translation>
    </message>
    <message>
      <source>full viewer</source>
      <translation>阅片器</translation>
    </message>
    <message>
      <source>blank screen</source>
      <translation>黑屏</translation>
    </message>
    <message>
      <source>key image %1</source>
      <translation>关键图像 %1</translation>
    </message>
    <message>
      <source>identity masked</source>
      <translation>身份信息已遮蔽</translation>
    </message>
    <message>
      <source>IDENTITY SHOWN</source>
      <translation>正在显示患者姓名</translation>
    </message>
    <message>
      <source>audience window shown</source>
      <translation>投屏窗口已显示</translation>
    </message>
    <message>
      <source>audience window hidden</source>
      <translation>投屏窗口已隐藏</translation>
    </message>
    <message>
      <source>Audience: %1 · %2 · %3</source>
      <translation>投屏：%1 · %2 · %3</translation>
    </message>
    <message>
      <source>Mask</source>
      <translation>隐藏姓名</translation>
    </message>
    <message>
      <source>Hide audience window</source>
      <translation>隐藏投屏窗口</translation>
    </message>
  </context>
  <context>
    <name>PrintItems</name>
    <message>
      <source>MDT opinion {doc_no} (draft)</source>
      <translation>MDT意见书 {doc_no}（草稿）</translation>
    </message>
    <message>
      <source>MDT opinion {doc_no} version {version}</source>
      <translation>MDT意见书 {doc_no} 第{version}版</translation>
    </message>
    <message>
      <source>Agenda of meeting {id}</source>
      <translation>会议 {id} 议程</translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>Print preview</source>
      <translation>打印预览</translation>
    </message>
    <message>
      <source>&amp;Documents to print:</source>
      <translation>待打印文书(&amp;D)：</translation>
    </message>
    <message>
      <source>%1 document(s); each is printed as its own job.</source>
      <translation>共 %1 份文书；每份作为单独的打印任务。</translation>
    </message>
    <message>
      <source>&amp;Print</source>
      <translation>打印(&amp;P)</translation>
    </message>
    <message>
      <source>Print every document in the list (Ctrl+P)</source>
      <translation>打印列表中的全部文书（Ctrl+P）</translation>
    </message>
    <message>
      <source>&amp;Export PDF…</source>
      <translation>导出PDF(&amp;E)…</translation>
    </message>
    <message>
      <source>Save the selected document as a PDF file (Ctrl+S)</source>
      <translation>将选中的文书保存为PDF文件（Ctrl+S）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>There is nothing to print.</source>
      <translation>没有可打印的内容。</translation>
    </message>
    <message>
      <source>Drawing the pages…</source>
      <translation>正在绘制页面…</translation>
    </message>
    <message>
      <source>This document cannot be shown.</source>
      <translation>无法显示此文书。</translation>
    </message>
    <message>
      <source>No printer is installed on this computer. Ask IT to add one, or export the PDF and print it elsewhere.</source>
      <translation>本机未安装打印机。请联系信息科添加，或导出PDF到其他电脑打印。</translation>
    </message>
    <message>
      <source>Printing %1 of %2: %3</source>
      <translation>正在打印第 %1/%2 份：%3</translation>
    </message>
    <message>
      <source>%1 document(s) sent to %2.</source>
      <translation>已将 %1 份文书发送到 %2。</translation>
    </message>
    <message>
      <source>Printing stopped.</source>
      <translation>打印已中止。</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>导出PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Saved as %1</source>
      <translation>已保存为 %1</translation>
    </message>
  </context>
  <context>
    <name>PrinterOptions</name>
    <message>
      <source>Print on &amp;both sides</source>
      <translation>双面打印(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Printer:</source>
      <translation>打印机(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Copies:</source>
      <translation>份数(&amp;C)：</translation>
    </message>
    <message>
      <source>%1 (default)</source>
      <translation>%1（默认）</translation>
    </message>
    <message>
      <source>No printer is installed</source>
      <translation>未安装打印机</translation>
    </message>
    <message>
      <source>This printer cannot print on both sides.</source>
      <translation>此打印机不支持双面打印。</translation>
    </message>
  </context>
  <context>
    <name>QuorumReasonDialog</name>
    <message>
      <source>Proceed without a quorum</source>
      <translation>未达法定人数继续</translation>
    </message>
    <message>
      <source>The quorum is not met:</source>
      <translation>未达到法定人数：</translation>
    </message>
    <message>
      <source>To proceed anyway, record the chair's reason. It is printed on the meeting record.</source>
      <translation>如仍要继续，请记录主持人的理由。该理由将打印在会议记录上。</translation>
    </message>
    <message>
      <source>Enter the chair's reason.</source>
      <translation>请填写主持人的理由。</translation>
    </message>
  </context>
  <context>
    <name>QuorumRuleDialog</name>
    <message>
      <source>any title</source>
      <translation>任意职称</translation>
    </message>
    <message>
      <source>≥%1 disciplines represented by experts of %2 or above</source>
      <translation>≥%1个学科有%2及以上职称的专家出席</translation>
    </message>
    <message>
      <source>≥%1 attendees of attending grade or above</source>
      <translation>≥%1名主治医师及以上职称的人员出席</translation>
    </message>
    <message>
      <source>pathology and radiology present for a first pre-treatment discussion</source>
      <translation>首次治疗前讨论须有病理科和影像科出席</translation>
    </message>
    <message>
      <source>the chair present</source>
      <translation>主持人出席</translation>
    </message>
    <message>
      <source>If not met: the meeting is blocked until the chair records a reason.</source>
      <translation>未达到时：须由主持人记录理由后方可继续。</translation>
    </message>
    <message>
      <source>If not met: a warning only.</source>
      <translation>未达到时：仅提示警告。</translation>
    </message>
    <message>
      <source>Quorum rule</source>
      <translation>法定人数规则</translation>
    </message>
    <message>
      <source>(any title)</source>
      <translation>（任意职称）</translation>
    </message>
    <message>
      <source>Pathology and radiology present for a first pre-treatment discussion</source>
      <translation>首次治疗前讨论须有病理科和影像科出席</translation>
    </message>
    <message>
      <source>The chair is present</source>
      <translation>主持人出席</translation>
    </message>
    <message>
      <source>Block: the meeting waits for the chair's recorded reason</source>
      <translation>阻止：须主持人记录理由后方可继续</translation>
    </message>
    <message>
      <source>Warn: show the warning and carry on</source>
      <translation>警告：提示后继续</translation>
    </message>
    <message>
      <source>Hospital &amp;default</source>
      <translation>恢复医院默认(&amp;D)</translation>
    </message>
    <message>
      <source>Minimum &amp;disciplines:</source>
      <translation>最少学科数(&amp;D)：</translation>
    </message>
    <message>
      <source>Experts count from &amp;title:</source>
      <translation>专家职称不低于(&amp;T)：</translation>
    </message>
    <message>
      <source>Minimum at &amp;attending grade or above:</source>
      <translation>主治及以上最少人数(&amp;A)：</translation>
    </message>
    <message>
      <source>If not &amp;met:</source>
      <translation>未达到时(&amp;M)：</translation>
    </message>
    <message>
      <source>Who must be present for the team's decisions to count. The default follows the hospital rule: ≥3 disciplines, pathology and radiology for a first pre-treatment discussion, ≥2 attendees at attending grade or above, chair present.</source>
      <translation>规定哪些人员出席时，团队的讨论决定才有效。默认采用医院规则：≥3个学科；首次治疗前讨论须有病理科和影像科；≥2名主治医师及以上职称人员；主持人出席。</translation>
    </message>
  </context>
  <context>
    <name>ReadinessTab</name>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>There are unsaved changes: the checklist counts them once the case is saved.</source>
      <translation>有未保存的修改：保存后清单才会计入。</translation>
    </message>
    <message>
      <source>Required fields</source>
      <translation>必填内容</translation>
    </message>
    <message>
      <source>Work-up for this tumour type</source>
      <translation>该肿瘤类型需要的检查</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Complete: every required field and work-up item is present.</source>
      <translation>资料完整：必填内容和所需检查均已齐全。</translation>
    </message>
    <message>
      <source>Not complete: %1 item(s) missing or out of date.</source>
      <translation>资料不完整：有 %1 项缺失或已过期。</translation>
    </message>
    <message>
      <source>Submitted although incomplete, because: %1</source>
      <translation>资料不完整仍提交，理由：%1</translation>
    </message>
    <message>
      <source>All required fields are filled in.</source>
      <translation>必填内容均已填写。</translation>
    </message>
    <message>
      <source>Fill in</source>
      <translation>去填写</translation>
    </message>
    <message>
      <source>present</source>
      <translation>已具备</translation>
    </message>
    <message>
      <source>out of date</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>confirmed by hand, dated %1</source>
      <translation>已手工确认，结果日期 %1</translation>
    </message>
    <message>
      <source>recorded in “%1”</source>
      <translation>已填写于“%1”</translation>
    </message>
    <message>
      <source>latest of %1</source>
      <translation>最近一次 %1</translation>
    </message>
    <message>
      <source>attach it under Material, or confirm it by hand</source>
      <translation>请在“资料”中添加，或手工确认</translation>
    </message>
    <message>
      <source>Update…</source>
      <translation>更新…</translation>
    </message>
    <message>
      <source>Confirm by hand…</source>
      <translation>手工确认…</translation>
    </message>
  </context>
  <context>
    <name>RediscussDialog</name>
    <message>
      <source>Send the case back for re-discussion</source>
      <translation>提交再讨论</translation>
    </message>
    <message>
      <source>The case goes back on the waiting list of its team for the next meeting. Its earlier discussions and decisions stay in its history; the new discussion gets its own decision.</source>
      <translation>病例将回到所属团队的待上会列表，等待下次会议讨论。此前的讨论和意见保留在病例历史中，新的讨论将形成新的意见。</translation>
    </message>
    <message>
      <source>Why the team must discuss the case again (required)</source>
      <translation>需要再次讨论的原因（必填）</translation>
    </message>
    <message>
      <source>Send &amp;back to the agenda</source>
      <translation>确认提交再讨论(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>原因(&amp;R)：</translation>
    </message>
    <message>
      <source>Enter why the case needs to be discussed again.</source>
      <translation>请填写需要再次讨论的原因。</translation>
    </message>
  </context>
  <context>
    <name>ReferralTab</name>
    <message>
      <source>Applicant</source>
      <translation>申请医生</translation>
    </message>
    <message>
      <source>(not chosen)</source>
      <translation>（未选择）</translation>
    </message>
    <message>
      <source>MDT team</source>
      <translation>MDT 团队</translation>
    </message>
    <message>
      <source>Type of discussion</source>
      <translation>讨论类型</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>e.g. treatment plan before surgery</source>
      <translation>如 明确术前治疗方案</translation>
    </message>
    <message>
      <source>Purpose of the MDT</source>
      <translation>MDT 目的</translation>
    </message>
    <message>
      <source>What should the team decide? e.g. operable now, or neoadjuvant therapy first?</source>
      <translation>需要团队决定什么？如 能否直接手术，还是先行新辅助治疗？</translation>
    </message>
    <message>
      <source>Question to the team</source>
      <translation>提请讨论的问题</translation>
    </message>
    <message>
      <source>External or remote consultation (the case leaves the hospital)</source>
      <translation>院外或远程会诊（病例资料将发往院外）</translation>
    </message>
    <message>
      <source>The patient has consented to the external consultation</source>
      <translation>患者已同意院外会诊</translation>
    </message>
    <message>
      <source>Consultation</source>
      <translation>会诊方式</translation>
    </message>
    <message>
      <source>Record the patient's consent before the case is sent outside the hospital.</source>
      <translation>病例发往院外之前，请先记录患者的同意。</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>Reset password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Temporary password</source>
      <translation>临时密码</translation>
    </message>
  </context>
  <context>
    <name>RestoreDraftDialog</name>
    <message>
      <source>Unsaved text found</source>
      <translation>发现未保存的内容</translation>
    </message>
    <message>
      <source>This case has text that was typed but not saved (autosaved %1), for example because the program or the computer stopped.</source>
      <translation>此病例有已输入但未保存的内容（自动保存于 %1），可能是程序或电脑意外中断所致。</translation>
    </message>
    <message>
      <source>Restore it into the form? You can still check it before saving.</source>
      <translation>要把它恢复到表单中吗？保存前仍可核对。</translation>
    </message>
    <message>
      <source>The case has been saved since then: restoring replaces those values with the draft's.</source>
      <translation>此后病例已被保存过：恢复会用草稿中的内容替换这些值。</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Discard the draft</source>
      <translation>丢弃草稿</translation>
    </message>
  </context>
  <context>
    <name>ReviewBar</name>
    <message>
      <source>Approve</source>
      <translation>审核通过</translation>
    </message>
    <message>
      <source>Return for more information…</source>
      <translation>退回补充…</translation>
    </message>
    <message>
      <source>Cancel case…</source>
      <translation>撤销病例…</translation>
    </message>
    <message>
      <source>Return for more information</source>
      <translation>退回补充</translation>
    </message>
    <message>
      <source>What must the applicant add or correct? (required, kept in the timeline)</source>
      <translation>申请医生需要补充或更正什么？（必填，记入时间线）</translation>
    </message>
    <message>
      <source>Cancel the case</source>
      <translation>撤销病例</translation>
    </message>
    <message>
      <source>Why is this MDT application cancelled? (required, kept in the timeline)</source>
      <translation>为什么撤销此MDT申请？（必填，记入时间线）</translation>
    </message>
  </context>
  <context>
    <name>ScheduleDialog</name>
    <message>
      <source>Schedule a meeting</source>
      <translation>安排会议</translation>
    </message>
    <message>
      <source>The team's usual room</source>
      <translation>团队的常用会议室</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>&amp;Team:</source>
      <translation>团队(&amp;T)：</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>日期(&amp;D)：</translation>
    </message>
    <message>
      <source>T&amp;ime:</source>
      <translation>时间(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>地点(&amp;P)：</translation>
    </message>
    <message>
      <source>D&amp;uration:</source>
      <translation>时长(&amp;U)：</translation>
    </message>
    <message>
      <source>There is no active team yet: an administrator creates the teams.</source>
      <translation>还没有可用的团队：请管理员先创建团队。</translation>
    </message>
  </context>
  <context>
    <name>Screenshot</name>
    <message>
      <source>Unknown view “%1”; choose one of: %2</source>
      <translation>未知视图“%1”；可选：%2</translation>
    </message>
    <message>
      <source>No MDT Desk database in %1.</source>
      <translation>%1 中没有多学科诊疗工作台数据库。</translation>
    </message>
    <message>
      <source>Screenshots are only taken of demonstration data; this folder holds real records. Make a demonstration folder with `python -m app demo` first.</source>
      <translation>只能对演示数据截图；此文件夹中有真实记录。请先用 `python -m app demo` 创建演示数据文件夹。</translation>
    </message>
    <message>
      <source>The “%1” view did not finish loading within 20 seconds.</source>
      <translation>“%1”视图在 20 秒内未完成加载。</translation>
    </message>
    <message>
      <source>No meeting is in progress in this folder.</source>
      <translation>此数据目录中没有正在进行的会议。</translation>
    </message>
    <message>
      <source>The presentation did not finish loading within 20 seconds.</source>
      <translation>投屏内容未能在 20 秒内加载完成。</translation>
    </message>
    <message>
      <source>Could not write the screenshot to %1.</source>
      <translation>无法将截图写入 %1。</translation>
    </message>
  </context>
  <context>
    <name>SeriesBrowser</name>
    <message>
      <source>Series of this case: click or Enter opens one; [ and ] step through them</source>
      <translation>本病例的序列：单击或按回车打开；[ 和 ] 逐个切换</translation>
    </message>
    <message>
      <source>{n} images</source>
      <translation>{n} 幅图像</translation>
    </message>
  </context>
  <context>
    <name>SessionLock</name>
    <message>
      <source>MDT Desk is locked</source>
      <translation>多学科诊疗工作台已锁定</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>A new language is used from the next start of MDT Desk.</source>
      <translation>更改的语言将在下次启动多学科诊疗工作台时生效。</translation>
    </message>
    <message>
      <source> pt</source>
      <translation> 磅</translation>
    </message>
    <message>
      <source>Larger text for the projector in the meeting room; applied at once.</source>
      <translation>会议室投影时可调大字号；立即生效。</translation>
    </message>
    <message>
      <source> MB</source>
      <translation> MB</translation>
    </message>
    <message>
      <source>Automatic ({mb} MB)</source>
      <translation>自动（{mb} MB）</translation>
    </message>
    <message>
      <source>Memory for decoded images in the viewer; more keeps long series ready, less suits an old PC. Applied when a viewer opens.</source>
      <translation>阅片器用于缓存已解码图像的内存；较大时长序列可随时翻阅，较小适合旧电脑。下次打开阅片器时生效。</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Text size</source>
      <translation>字号</translation>
    </message>
    <message>
      <source>Image memory</source>
      <translation>影像内存</translation>
    </message>
  </context>
  <context>
    <name>SignDialog</name>
    <message>
      <source>Sign documents</source>
      <translation>签署文书</translation>
    </message>
    <message>
      <source>&amp;Waiting for my signature:</source>
      <translation>待我签署(&amp;W)：</translation>
    </message>
    <message>
      <source>&amp;Sign</source>
      <translation>签署(&amp;S)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>My &amp;password:</source>
      <translation>我的密码(&amp;P)：</translation>
    </message>
    <message>
      <source>version %1</source>
      <translation>第 %1 版</translation>
    </message>
    <message>
      <source>No document is waiting for your signature.</source>
      <translation>没有待您签署的文书。</translation>
    </message>
    <message>
      <source>Still to sign: %1</source>
      <translation>尚待签署：%1</translation>
    </message>
    <message>
      <source>Drawing the pages…</source>
      <translation>正在绘制页面…</translation>
    </message>
    <message>
      <source>Enter your password to sign.</source>
      <translation>请输入密码后签署。</translation>
    </message>
    <message>
      <source>Signing…</source>
      <translation>正在签署…</translation>
    </message>
    <message>
      <source>Signed. The document is complete and sealed.</source>
      <translation>已签署。文书签署完毕并已封存。</translation>
    </message>
    <message>
      <source>Signed. Still to sign: %1</source>
      <translation>已签署。尚待签署：%1</translation>
    </message>
  </context>
  <context>
    <name>SlideViewer</name>
    <message>
      <source>Pathology viewer</source>
      <translation>病理图像查看</translation>
    </message>
    <message>
      <source>Fit (F)</source>
      <translation>适应窗口 (F)</translation>
    </message>
    <message>
      <source>Show the whole slide</source>
      <translation>显示整张切片</translation>
    </message>
    <message>
      <source>1:1 (1)</source>
      <translation>1:1 (1)</translation>
    </message>
    <message>
      <source>One scanned pixel per screen pixel</source>
      <translation>一个扫描像素对应一个屏幕像素</translation>
    </message>
    <message>
      <source>Zoom in (+)</source>
      <translation>放大 (+)</translation>
    </message>
    <message>
      <source>Zoom in about the centre</source>
      <translation>以视图中心放大</translation>
    </message>
    <message>
      <source>Zoom out (-)</source>
      <translation>缩小 (-)</translation>
    </message>
    <message>
      <source>Zoom out about the centre</source>
      <translation>以视图中心缩小</translation>
    </message>
    <message>
      <source>Arrow (A)</source>
      <translation>箭头 (A)</translation>
    </message>
    <message>
      <source>Drag from the tail to the tip; saved with the case</source>
      <translation>从箭尾拖到箭头；随病例保存</translation>
    </message>
    <message>
      <source>Text (T)</source>
      <translation>文字 (T)</translation>
    </message>
    <message>
      <source>Click where the note goes; saved with the case</source>
      <translation>点击要放置注释的位置；随病例保存</translation>
    </message>
    <message>
      <source>Scale bar (B)</source>
      <translation>比例尺 (B)</translation>
    </message>
    <message>
      <source>Show or hide the scale bar</source>
      <translation>显示或隐藏比例尺</translation>
    </message>
    <message>
      <source>Export PNG (Ctrl+E)</source>
      <translation>导出 PNG (Ctrl+E)</translation>
    </message>
    <message>
      <source>Save the view as a PNG picture</source>
      <translation>将当前视图保存为 PNG 图片</translation>
    </message>
    <message>
      <source>Opening… (a large image without a pyramid is prepared once; this can take a few seconds)</source>
      <translation>正在打开……（没有分层金字塔的大图首次打开时需预处理一次，可能需要几秒钟）</translation>
    </message>
    <message>
      <source>zoom {percent}%</source>
      <translation>缩放 {percent}%</translation>
    </message>
    <message>
      <source>level {level} of {count}</source>
      <translation>第 {level} 层，共 {count} 层</translation>
    </message>
    <message>
      <source>no scale (microns per pixel unknown)</source>
      <translation>无比例尺（每像素微米数未知）</translation>
    </message>
    <message>
      <source>Export view</source>
      <translation>导出视图</translation>
    </message>
    <message>
      <source>PNG (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>The picture could not be saved there.</source>
      <translation>无法将图片保存到该位置。</translation>
    </message>
    <message>
      <source>Text annotation</source>
      <translation>文字标注</translation>
    </message>
    <message>
      <source>Note:</source>
      <translation>注释：</translation>
    </message>
    <message>
      <source>Delete annotation</source>
      <translation>删除标注</translation>
    </message>
    <message>
      <source>Delete this annotation from the case?</source>
      <translation>要从病例中删除此标注吗？</translation>
    </message>
  </context>
  <context>
    <name>StageLabels</name>
    <message>
      <source>c (clinical)</source>
      <translation>c（临床）</translation>
    </message>
    <message>
      <source>p (pathological)</source>
      <translation>p（病理）</translation>
    </message>
    <message>
      <source>yc (clinical, after neoadjuvant therapy)</source>
      <translation>yc（新辅助治疗后临床）</translation>
    </message>
    <message>
      <source>yp (pathological, after neoadjuvant therapy)</source>
      <translation>yp（新辅助治疗后病理）</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>分级</translation>
    </message>
    <message>
      <source>21-gene recurrence score</source>
      <translation>21基因复发评分</translation>
    </message>
    <message>
      <source>Histological type</source>
      <translation>组织学类型</translation>
    </message>
    <message>
      <source>Tumour location</source>
      <translation>肿瘤部位</translation>
    </message>
    <message>
      <source>positive (+)</source>
      <translation>阳性（+）</translation>
    </message>
    <message>
      <source>negative (−)</source>
      <translation>阴性（−）</translation>
    </message>
    <message>
      <source>squamous cell carcinoma</source>
      <translation>鳞状细胞癌</translation>
    </message>
    <message>
      <source>adenocarcinoma</source>
      <translation>腺癌</translation>
    </message>
    <message>
      <source>upper</source>
      <translation>上段</translation>
    </message>
    <message>
      <source>middle</source>
      <translation>中段</translation>
    </message>
    <message>
      <source>lower</source>
      <translation>下段</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不明</translation>
    </message>
    <message>
      <source>AJCC 8 lung</source>
      <translation>AJCC 8 肺</translation>
    </message>
    <message>
      <source>AJCC 8 breast, anatomic</source>
      <translation>AJCC 8 乳腺 解剖学分期</translation>
    </message>
    <message>
      <source>AJCC 8 breast, clinical prognostic</source>
      <translation>AJCC 8 乳腺 临床预后分期</translation>
    </message>
    <message>
      <source>AJCC 8 breast, pathological prognostic</source>
      <translation>AJCC 8 乳腺 病理预后分期</translation>
    </message>
    <message>
      <source>AJCC 8 colorectal</source>
      <translation>AJCC 8 结直肠</translation>
    </message>
    <message>
      <source>AJCC 8 stomach, clinical</source>
      <translation>AJCC 8 胃 临床分期</translation>
    </message>
    <message>
      <source>AJCC 8 stomach, pathological</source>
      <translation>AJCC 8 胃 病理分期</translation>
    </message>
    <message>
      <source>AJCC 8 stomach, after neoadjuvant therapy</source>
      <translation>AJCC 8 胃 新辅助治疗后</translation>
    </message>
    <message>
      <source>AJCC 8 oesophagus, clinical, squamous</source>
      <translation>AJCC 8 食管 临床 鳞癌</translation>
    </message>
    <message>
      <source>AJCC 8 oesophagus, clinical, adenocarcinoma</source>
      <translation>AJCC 8 食管 临床 腺癌</translation>
    </message>
    <message>
      <source>AJCC 8 oesophagus, pathological, squamous</source>
      <translation>AJCC 8 食管 病理 鳞癌</translation>
    </message>
    <message>
      <source>AJCC 8 oesophagus, pathological, adenocarcinoma</source>
      <translation>AJCC 8 食管 病理 腺癌</translation>
    </message>
    <message>
      <source>AJCC 8 oesophagus, after neoadjuvant therapy</source>
      <translation>AJCC 8 食管 新辅助治疗后</translation>
    </message>
    <message>
      <source>AJCC 8 liver</source>
      <translation>AJCC 8 肝</translation>
    </message>
    <message>
      <source>Prognostic stage groups do not apply after neoadjuvant therapy; the anatomic stage group is given.</source>
      <translation>新辅助治疗后不适用预后分期，给出的是解剖学分期。</translation>
    </message>
    <message>
      <source>AJCC 8 has no ycTNM stage groups for the oesophagus; the clinical table was used.</source>
      <translation>AJCC 8 没有食管癌的 ycTNM 分期表，已按临床分期表计算。</translation>
    </message>
  </context>
  <context>
    <name>StagingBox</name>
    <message>
      <source>Take over from grade and biomarkers</source>
      <translation>从分级和生物标志物带入</translation>
    </message>
    <message>
      <source>Enter the stage group by hand</source>
      <translation>手工填写分期</translation>
    </message>
    <message>
      <source>Staging</source>
      <translation>分期</translation>
    </message>
    <message>
      <source>Edition</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Staging system</source>
      <translation>分期系统</translation>
    </message>
    <message>
      <source>Prefix, T, N, M</source>
      <translation>前缀及 T、N、M</translation>
    </message>
    <message>
      <source>Extra factors</source>
      <translation>附加因素</translation>
    </message>
    <message>
      <source>Computed stage</source>
      <translation>计算分期</translation>
    </message>
    <message>
      <source>Stage group</source>
      <translation>分期</translation>
    </message>
    <message>
      <source>Nothing to take over: grade and biomarkers are empty or not clearly positive or negative.</source>
      <translation>没有可带入的内容：分级和生物标志物为空，或不是明确的阳性/阴性。</translation>
    </message>
    <message>
      <source>Not computed</source>
      <translation>未计算</translation>
    </message>
    <message>
      <source>Stage groups are computed for AJCC 8 only; enter the %1 stage group by hand.</source>
      <translation>只对 AJCC 第8版自动计算分期；%1 分期请手工填写。</translation>
    </message>
    <message>
      <source>AJCC 8 stage groups are computed for lung, breast, colorectal, gastric, oesophageal and liver cancer; enter this one by hand.</source>
      <translation>AJCC 第8版分期只对肺癌、乳腺癌、结直肠癌、胃癌、食管癌和肝癌自动计算；此处请手工填写。</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
      <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
      <source>Anatomic stage group: the prognostic stage group also needs %1.</source>
      <translation>这是解剖学分期：预后分期还需要 %1。</translation>
    </message>
    <message>
      <source>Choose T, N and M to compute the stage group.</source>
      <translation>选择 T、N、M 后自动计算分期。</translation>
    </message>
    <message>
      <source>The stage group also needs %1.</source>
      <translation>计算分期还需要 %1。</translation>
    </message>
    <message>
      <source>TX or NX: the category is unknown, so several stage groups are possible. Enter the group by hand if the team agrees on one.</source>
      <translation>TX 或 NX：分类不明，可能对应多个分期。如团队认定其一，请手工填写。</translation>
    </message>
    <message>
      <source>No stage group for these categories (point at this line for the details).</source>
      <translation>这些分类没有对应的分期（鼠标指向此行可看详情）。</translation>
    </message>
    <message>
      <source>The stage group %1 does not match T, N and M: AJCC 8 gives %2.</source>
      <translation>分期 %1 与 T、N、M 不符：按 AJCC 第8版应为 %2。</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <source>MDT Desk cannot open its data</source>
      <translation>多学科诊疗工作台无法打开数据</translation>
    </message>
  </context>
  <context>
    <name>StatisticsView</name>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Cases discussed per month</source>
      <translation>每月讨论病例数</translation>
    </message>
    <message>
      <source>Per team</source>
      <translation>按团队</translation>
    </message>
    <message>
      <source>Per tumour type</source>
      <translation>按肿瘤类型</translation>
    </message>
    <message>
      <source>Per applying department</source>
      <translation>按申请科室</translation>
    </message>
    <message>
      <source>Click a bar (or Tab to a chart, choose a bar with the arrow keys and press Enter) to list its cases.</source>
      <translation>单击柱条（或用 Tab 键进入图表、方向键选择柱条后按回车键）可列出其对应的病例。</translation>
    </message>
    <message>
      <source>Quality indicators</source>
      <translation>质量指标</translation>
    </message>
    <message>
      <source>Click a value or a count (or press Enter on a row) to list the cases behind it.</source>
      <translation>单击数值或例数（或在某行按回车键）可列出其对应的病例。</translation>
    </message>
    <message>
      <source>Nothing in this period.</source>
      <translation>本期间无数据。</translation>
    </message>
    <message>
      <source>Deviation reasons</source>
      <translation>偏离原因</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>诊疗意见数</translation>
    </message>
    <message>
      <source>Expert attendance</source>
      <translation>专家出勤</translation>
    </message>
    <message>
      <source>Expert</source>
      <translation>专家</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>参会次数</translation>
    </message>
    <message>
      <source>Discipline attendance</source>
      <translation>学科出勤</translation>
    </message>
    <message>
      <source>Discipline</source>
      <translation>学科</translation>
    </message>
    <message>
      <source>Deviations and attendance</source>
      <translation>偏离与出勤</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Statistics are open to physicians, chairs, secretaries and administrators.</source>
      <translation>统计仅向医生、主持人、秘书和管理员开放。</translation>
    </message>
    <message>
      <source>The period ends before it starts: choose a later end date.</source>
      <translation>截止日期早于起始日期，请选择较晚的截止日期。</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>%1 to %2: %3 discussions</source>
      <translation>%1 至 %2：共讨论 %3 例次</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无科室）</translation>
    </message>
    <message>
      <source>(no discipline)</source>
      <translation>（未注明学科）</translation>
    </message>
    <message>
      <source>(not recorded)</source>
      <translation>（未登记）</translation>
    </message>
    <message>
      <source>Cases discussed in %1</source>
      <translation>%1 讨论的病例</translation>
    </message>
    <message>
      <source>Cases discussed by %1</source>
      <translation>%1 讨论的病例</translation>
    </message>
    <message>
      <source>Cases discussed: %1</source>
      <translation>讨论的病例：%1</translation>
    </message>
    <message>
      <source>Cases applied for by %1</source>
      <translation>%1 申请的病例</translation>
    </message>
    <message>
      <source>Deviation: %1</source>
      <translation>未按计划执行：%1</translation>
    </message>
  </context>
  <context>
    <name>StatsFilterBar</name>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>All tumour types</source>
      <translation>全部肿瘤类型</translation>
    </message>
    <message>
      <source>T&amp;o</source>
      <translation>截止(&amp;O)</translation>
    </message>
    <message>
      <source>Fro&amp;m</source>
      <translation>起始(&amp;M)</translation>
    </message>
    <message>
      <source>T&amp;eam</source>
      <translation>团队(&amp;E)</translation>
    </message>
    <message>
      <source>T&amp;umour type</source>
      <translation>肿瘤类型(&amp;U)</translation>
    </message>
  </context>
  <context>
    <name>SubmitDialog</name>
    <message>
      <source>Submit for a meeting</source>
      <translation>提交讨论</translation>
    </message>
    <message>
      <source>The case is complete.</source>
      <translation>病例资料完整。</translation>
    </message>
    <message>
      <source>Submit it to the MDT team for a meeting?</source>
      <translation>提交给 MDT 团队安排讨论吗？</translation>
    </message>
    <message>
      <source>The case is not complete</source>
      <translation>病例资料不完整</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>Why must it be discussed anyway? (required, kept in the timeline)</source>
      <translation>为什么仍需讨论？（必填，记入时间线）</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Submit anyway</source>
      <translation>仍然提交</translation>
    </message>
    <message>
      <source>out of date</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺失</translation>
    </message>
  </context>
  <context>
    <name>TeamDialog</name>
    <message>
      <source>New team</source>
      <translation>新建团队</translation>
    </message>
    <message>
      <source>Edit team</source>
      <translation>编辑团队</translation>
    </message>
    <message>
      <source>e.g. 消化道肿瘤MDT</source>
      <translation>如 消化道肿瘤MDT</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;English name:</source>
      <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
      <source>Tumour types:</source>
      <translation>肿瘤类型：</translation>
    </message>
    <message>
      <source>Usual &amp;room:</source>
      <translation>常用会议室(&amp;R)：</translation>
    </message>
    <message>
      <source>Enter the team's name.</source>
      <translation>请填写团队名称。</translation>
    </message>
  </context>
  <context>
    <name>TeamsView</name>
    <message>
      <source>MDT teams</source>
      <translation>MDT团队</translation>
    </message>
    <message>
      <source>Show &amp;inactive teams</source>
      <translation>显示已停用的团队(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;New team…</source>
      <translation>新建团队(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Edit team…</source>
      <translation>编辑团队(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Deactivate</source>
      <translation>停用(&amp;D)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Discipline</source>
      <translation>学科</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Role in team</source>
      <translation>团队角色</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>所在单位</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Show &amp;former members</source>
      <translation>显示已离开的成员(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Add member…</source>
      <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
      <source>Edit &amp;member…</source>
      <translation>编辑成员(&amp;M)…</translation>
    </message>
    <message>
      <source>&amp;Remove from team</source>
      <translation>移出团队(&amp;R)</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>Edit &amp;quorum rule…</source>
      <translation>编辑法定人数规则(&amp;Q)…</translation>
    </message>
    <message>
      <source>Quorum rule</source>
      <translation>法定人数规则</translation>
    </message>
    <message>
      <source>Shortcut: %1</source>
      <translation>快捷键：%1</translation>
    </message>
    <message>
      <source>%1 (inactive)</source>
      <translation>%1（已停用）</translation>
    </message>
    <message>
      <source>No team yet</source>
      <translation>尚无团队</translation>
    </message>
    <message>
      <source>Create the first MDT team with New team (Ctrl+N).</source>
      <translation>用“新建团队”（Ctrl+N）创建第一个MDT团队。</translation>
    </message>
    <message>
      <source>(inactive)</source>
      <translation>（已停用）</translation>
    </message>
    <message>
      <source>any tumour type</source>
      <translation>任意肿瘤类型</translation>
    </message>
    <message>
      <source>Covers: %1 · usual room: %2</source>
      <translation>病种：%1 · 常用会议室：%2</translation>
    </message>
    <message>
      <source>Login account</source>
      <translation>有登录账号</translation>
    </message>
    <message>
      <source>Guest, no login</source>
      <translation>特邀，无账号</translation>
    </message>
    <message>
      <source>Left the team</source>
      <translation>已离开团队</translation>
    </message>
    <message>
      <source>Re&amp;activate</source>
      <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
      <source>Deactivate team</source>
      <translation>停用团队</translation>
    </message>
    <message>
      <source>Deactivate %1? It can no longer be chosen for new meetings; its past meetings and records stay.</source>
      <translation>停用%1？停用后不能再为其安排新会议；以往的会议和记录保留。</translation>
    </message>
    <message>
      <source>Remove from team</source>
      <translation>移出团队</translation>
    </message>
    <message>
      <source>Remove %1 from the team? Past meetings keep their attendance.</source>
      <translation>将%1移出团队？以往会议的出席记录保留。</translation>
    </message>
  </context>
  <context>
    <name>TimelineTab</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态变化</translation>
    </message>
    <message>
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>created as %1</source>
      <translation>创建为%1</translation>
    </message>
  </context>
  <context>
    <name>TrackDialog</name>
    <message>
      <source>Track of case %1</source>
      <translation>病例%1的讨论方式</translation>
    </message>
    <message>
      <source>Discuss in the meeting</source>
      <translation>会上讨论</translation>
    </message>
    <message>
      <source>Listed only (standard decision, no meeting time)</source>
      <translation>仅备案（按标准方案记录，不占会议时间）</translation>
    </message>
    <message>
      <source>The standard decision the listed case is recorded with</source>
      <translation>备案病例采用的标准方案</translation>
    </message>
    <message>
      <source>T&amp;rack:</source>
      <translation>方式(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Standard decision:</source>
      <translation>标准方案(&amp;S)：</translation>
    </message>
    <message>
      <source>A listed case needs the standard decision it is recorded with.</source>
      <translation>备案病例须填写所采用的标准方案。</translation>
    </message>
  </context>
  <context>
    <name>UnsavedChangesDialog</name>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>This case has changes that are not saved.</source>
      <translation>此病例有尚未保存的修改。</translation>
    </message>
    <message>
      <source>Save them before closing?</source>
      <translation>关闭前保存吗？</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Discard changes</source>
      <translation>放弃修改</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>UserListView</name>
    <message>
      <source>Administration</source>
      <translation>系统管理</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>账号状态</translation>
    </message>
    <message>
      <source>New user…</source>
      <translation>新建用户…</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Account rules…</source>
      <translation>账户规则…</translation>
    </message>
    <message>
      <source>Audit trail…</source>
      <translation>审计日志…</translation>
    </message>
    <message>
      <source>User accounts of this installation. A user who appears in any record cannot be deleted: disable the account instead.</source>
      <translation>本系统的用户账户。在任何记录中出现过的用户不能删除，请改为停用该账户。</translation>
    </message>
    <message>
      <source>Enable</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Delete user</source>
      <translation>删除用户</translation>
    </message>
    <message>
      <source>Delete the account %1 (%2)? This cannot be undone.</source>
      <translation>删除账户 %1（%2）？此操作无法撤销。</translation>
    </message>
    <message>
      <source>Only an administrator can manage users, backups and settings.</source>
      <translation>只有管理员可以管理用户、备份和设置。</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
  </context>
  <context>
    <name>VerifyDialog</name>
    <message>
      <source>Verify a document</source>
      <translation>验证文书</translation>
    </message>
    <message>
      <source>Signed PDF &amp;file</source>
      <translation>已签名PDF文件(&amp;F)</translation>
    </message>
    <message>
      <source>Verification &amp;code of a printed sheet</source>
      <translation>纸质件验证码(&amp;C)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>&amp;Open a PDF file…</source>
      <translation>打开PDF文件(&amp;O)…</translation>
    </message>
    <message>
      <source>Choose a signed MDT opinion (Ctrl+O).</source>
      <translation>请选择一份已签名的MDT意见书（Ctrl+O）。</translation>
    </message>
    <message>
      <source>Signer</source>
      <translation>签署人</translation>
    </message>
    <message>
      <source>Signed at</source>
      <translation>签署时间</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签名</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>Content since signing</source>
      <translation>签署后内容</translation>
    </message>
    <message>
      <source>Open a signed PDF</source>
      <translation>打开已签名的PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在验证…</translation>
    </message>
    <message>
      <source>This file could not be checked.</source>
      <translation>无法验证此文件。</translation>
    </message>
    <message>
      <source>All %1 signature(s) are valid, issued under this hospital's root certificate, and the file has not been changed since it was signed.</source>
      <translation>全部 %1 个签名有效，证书由本院根证书签发，文件签署后未被改动。</translation>
    </message>
    <message>
      <source>This file carries no electronic signature.</source>
      <translation>此文件没有电子签名。</translation>
    </message>
    <message>
      <source>Verification FAILED: do not rely on this file. See the rows marked in red.</source>
      <translation>验证未通过：请勿采信此文件。问题见红色标出的行。</translation>
    </message>
    <message>
      <source>Not signed yet: %1</source>
      <translation>尚未签署：%1</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <source>valid</source>
      <translation>有效</translation>
    </message>
    <message>
      <source>INVALID</source>
      <translation>无效</translation>
    </message>
    <message>
      <source>trusted (hospital root)</source>
      <translation>受信任（本院根证书）</translation>
    </message>
    <message>
      <source>NOT trusted</source>
      <translation>不受信任</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>未被改动</translation>
    </message>
    <message>
      <source>CHANGED after signing</source>
      <translation>签署后被改动</translation>
    </message>
    <message>
      <source>Scan the QR code of a printed sheet with a scanner gun, paste its text, or type the verification code printed under it (for example 94YT-XJPR-FZD8).</source>
      <translation>用扫码枪扫描纸质件上的二维码、粘贴其内容，或输入二维码下方印的验证码（例如 94YT-XJPR-FZD8）。</translation>
    </message>
    <message>
      <source>QR code text or verification code</source>
      <translation>二维码内容或验证码</translation>
    </message>
    <message>
      <source>C&amp;heck</source>
      <translation>核对(&amp;H)</translation>
    </message>
    <message>
      <source>Enter or scan a code first.</source>
      <translation>请先输入或扫描验证码。</translation>
    </message>
    <message>
      <source>version %1</source>
      <translation>第 %1 版</translation>
    </message>
    <message>
      <source>MATCHES: this sheet is %1 (%2), the signed version on record.</source>
      <translation>一致：此纸质件为 %1（%2），与存档的已签署版本相符。</translation>
    </message>
    <message>
      <source>OUT OF DATE: %1 was replaced by an amended version. Ask for the current one.</source>
      <translation>已过期：%1 已被修订版本取代，请索取最新版本。</translation>
    </message>
    <message>
      <source>The content matches %1, but not everyone has signed it yet.</source>
      <translation>内容与 %1 一致，但尚未全部签署。</translation>
    </message>
    <message>
      <source>DOES NOT MATCH: the sheet differs from the record on file (%1).</source>
      <translation>不一致：此纸质件与存档记录不符（%1）。</translation>
    </message>
    <message>
      <source>No document of this hospital has this code.</source>
      <translation>本院没有与此验证码对应的文书。</translation>
    </message>
    <message>
      <source>NOT ISSUED BY THIS HOSPITAL: the code's signature does not match.</source>
      <translation>非本院签发：验证码的签名不符。</translation>
    </message>
    <message>
      <source>Not a verification code: paste the QR code text or type the code under it.</source>
      <translation>这不是验证码：请粘贴二维码内容或输入其下方的验证码。</translation>
    </message>
  </context>
  <context>
    <name>WaitingCasesView</name>
    <message>
      <source>Cases waiting for a meeting</source>
      <translation>待上会病例</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>病例号</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Tumour type</source>
      <translation>肿瘤类型</translation>
    </message>
    <message>
      <source>Diagnosis</source>
      <translation>诊断</translation>
    </message>
    <message>
      <source>Case status</source>
      <translation>病例状态</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>资料</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <source>No team covers these cases</source>
      <translation>未归属任何团队的病例</translation>
    </message>
    <message>
      <source>%1 (%2 waiting)</source>
      <translation>%1（%2 例待上会）</translation>
    </message>
    <message numerus="yes">
      <source>%n case(s) waiting for a meeting.</source>
      <translation>
        <numerusform>共 %n 例病例等待上会。</numerusform>
      </translation>
    </message>
    <message>
      <source>No case is waiting for a meeting.</source>
      <translation>没有等待上会的病例。</translation>
    </message>
  </context>
  <context>
    <name>WorkTile</name>
    <message>
      <source>%1 overdue</source>
      <translation>逾期 %1 项</translation>
    </message>
    <message>
      <source>None overdue</source>
      <translation>无逾期</translation>
    </message>
  </context>
  <context>
    <name>demo</name>
    <message>
      <source>Setting up the demo hospital…</source>
      <translation>正在设置演示医院…</translation>
    </message>
    <message>
      <source>Planning six months of MDT work…</source>
      <translation>正在编排六个月的MDT工作…</translation>
    </message>
    <message>
      <source>Creating users and teams…</source>
      <translation>正在创建用户和团队…</translation>
    </message>
    <message>
      <source>Registering patients and cases…</source>
      <translation>正在登记患者和病例…</translation>
    </message>
    <message>
      <source>Recording meetings, opinions and decisions…</source>
      <translation>正在记录会议、意见和决策…</translation>
    </message>
    <message>
      <source>Generating imaging and pathology files…</source>
      <translation>正在生成影像和病理文件…</translation>
    </message>
    <message>
      <source>Adding a year of earlier meetings for the statistics…</source>
      <translation>正在添加过去一年的会议记录（供统计使用）…</translation>
    </message>
    <message>
      <source>Demo data ready.</source>
      <translation>演示数据已就绪。</translation>
    </message>
    <message>
      <source>Signing the decisions of finished meetings…</source>
      <translation>正在签署已结束会议的讨论意见…</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>This data folder was written by a newer version of MDT Desk. Install that version (or newer) to open it. Nothing was changed.</source>
      <translation>此数据文件夹由更新版本的多学科诊疗工作台写入。请安装该版本（或更新版本）后再打开。未做任何更改。</translation>
    </message>
    <message>
      <source>The database file in this folder is not an MDT Desk database. Nothing was changed.</source>
      <translation>此文件夹中的数据库文件不是多学科诊疗工作台的数据库。未做任何更改。</translation>
    </message>
    <message>
      <source>The database file is damaged (truncated or corrupted). Nothing was changed. Restore it from a backup, or ask IT for help.</source>
      <translation>数据库文件已损坏（被截断或内容错误）。未做任何更改。请从备份恢复，或联系信息科。</translation>
    </message>
    <message>
      <source>No MDT Desk database in {path}. Start the app to set it up, or run `python -m app init`.</source>
      <translation>{path} 中没有多学科诊疗工作台数据库。请启动程序进行设置，或运行 `python -m app init`。</translation>
    </message>
    <message>
      <source>This field contains invisible control characters.</source>
      <translation>此字段含有不可见的控制字符。</translation>
    </message>
    <message>
      <source>This field contains characters that are not valid text.</source>
      <translation>此字段含有无效的字符。</translation>
    </message>
    <message>
      <source>This field is too long (at most {n} characters).</source>
      <translation>此字段过长（最多 {n} 个字符）。</translation>
    </message>
    <message>
      <source>Enter the patient's name.</source>
      <translation>请填写患者姓名。</translation>
    </message>
    <message>
      <source>Choose the patient's sex.</source>
      <translation>请选择患者性别。</translation>
    </message>
    <message>
      <source>The birth date is in the future.</source>
      <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
      <source>The birth date is too far in the past.</source>
      <translation>出生日期过早。</translation>
    </message>
    <message>
      <source>The ID number is not valid: 18 characters, and the last one (check digit) must match the others.</source>
      <translation>身份证号无效：应为 18 位，且最后一位（校验码）须与前 17 位相符。</translation>
    </message>
    <message>
      <source>The birth date does not match the ID number ({date}).</source>
      <translation>出生日期与身份证号不符（{date}）。</translation>
    </message>
    <message>
      <source>The sex does not match the ID number.</source>
      <translation>性别与身份证号不符。</translation>
    </message>
    <message>
      <source>A hospital or outpatient number has letters, digits and '-' only (at most 40).</source>
      <translation>住院号或门诊号只能包含字母、数字和“-”（最多 40 个字符）。</translation>
    </message>
    <message>
      <source>The phone number is not valid (a mobile number has 11 digits starting with 1).</source>
      <translation>电话号码无效（手机号为以 1 开头的 11 位数字）。</translation>
    </message>
    <message>
      <source>MDT Desk is already running with this data folder ({owner}). Close the other window first, then try again.</source>
      <translation>多学科诊疗工作台已在使用此数据文件夹（{owner}）。请先关闭另一个窗口，然后重试。</translation>
    </message>
    <message>
      <source>The password must have at least {n} characters.</source>
      <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The password must contain both letters and digits.</source>
      <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
      <source>The password must not be the user name.</source>
      <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
      <source>Your role does not allow this action ({action}).</source>
      <translation>您的角色无权执行此操作（{action}）。</translation>
    </message>
    <message>
      <source>Unknown annotation kind {kind}.</source>
      <translation>未知的标注类型 {kind}。</translation>
    </message>
    <message>
      <source>The annotation's shape is not valid.</source>
      <translation>标注的形状无效。</translation>
    </message>
    <message>
      <source>Attachment {id} does not exist.</source>
      <translation>附件 {id} 不存在。</translation>
    </message>
    <message>
      <source>Annotation {id} does not exist.</source>
      <translation>标注 {id} 不存在。</translation>
    </message>
    <message>
      <source>Case {id} does not exist.</source>
      <translation>病例 {id} 不存在。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>This account is disabled. Ask the administrator.</source>
      <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
      <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
      <translation>密码错误次数过多：此账号已锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation>当前密码错误。</translation>
    </message>
    <message>
      <source>The new password must differ from the current one.</source>
      <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
      <source>Unknown case field: {name}.</source>
      <translation>未知的病例字段：{name}。</translation>
    </message>
    <message>
      <source>Enter a date as YYYY-MM-DD.</source>
      <translation>请按YYYY-MM-DD格式填写日期。</translation>
    </message>
    <message>
      <source>Unknown decision field: {name}.</source>
      <translation>未知的诊疗意见字段：{name}。</translation>
    </message>
    <message>
      <source>Choose a value from the list.</source>
      <translation>请从列表中选择。</translation>
    </message>
    <message>
      <source>Unknown action field: {name}.</source>
      <translation>未知的待办事项字段：{name}。</translation>
    </message>
    <message>
      <source>Each action needs a description of what is to be done.</source>
      <translation>每项待办事项都须说明要做什么。</translation>
    </message>
    <message>
      <source>Enter the chair's summary before finalising.</source>
      <translation>定稿前请填写主持人小结。</translation>
    </message>
    <message>
      <source>Choose the recommended treatment or describe the plan before finalising.</source>
      <translation>定稿前请选择推荐治疗方式或填写治疗方案。</translation>
    </message>
    <message>
      <source>Enter the hospital the patient is referred to.</source>
      <translation>请填写转诊的医院。</translation>
    </message>
    <message>
      <source>ECOG is a whole number from 0 to 5.</source>
      <translation>ECOG 评分应为 0 到 5 的整数。</translation>
    </message>
    <message>
      <source>KPS is 0 to 100 in steps of 10.</source>
      <translation>KPS 评分为 0 到 100，以 10 为间隔。</translation>
    </message>
    <message>
      <source>The application date is in the future.</source>
      <translation>申请日期不能晚于今天。</translation>
    </message>
    <message>
      <source>The stage group does not match T, N and M: {detail}</source>
      <translation>分期组与 T、N、M 不符：{detail}</translation>
    </message>
    <message>
      <source>Patient {id} does not exist.</source>
      <translation>患者 {id} 不存在。</translation>
    </message>
    <message>
      <source>This case has been discussed; its application can no longer be edited.</source>
      <translation>此病例已讨论，申请内容不能再修改。</translation>
    </message>
    <message>
      <source>Someone else saved this case in the meantime. Reopen it to see their changes; your text is kept as a draft.</source>
      <translation>在此期间他人已保存了此病例。请重新打开以查看其修改；您填写的内容已保存为草稿。</translation>
    </message>
    <message>
      <source>There is no case {case_no}.</source>
      <translation>没有病例 {case_no}。</translation>
    </message>
    <message>
      <source>The case is not complete ({n} items missing). Complete it, or record why it must be discussed anyway.</source>
      <translation>病例资料不完整（缺少 {n} 项）。请补全，或注明仍需讨论的理由。</translation>
    </message>
    <message>
      <source>A case cannot go from “{a}” to “{b}”.</source>
      <translation>病例不能从“{a}”变为“{b}”。</translation>
    </message>
    <message>
      <source>This text is too long to keep as a draft.</source>
      <translation>文字过长，无法保存为草稿。</translation>
    </message>
    <message>
      <source>The file is not text in UTF-8 or GB18030 (byte {at} cannot be read). Save it again as CSV and retry.</source>
      <translation>该文件不是 UTF-8 或 GB18030 编码的文本（第 {at} 字节无法读取）。请重新另存为 CSV 后再试。</translation>
    </message>
    <message>
      <source>The Excel file cannot be read: {reason}</source>
      <translation>无法读取 Excel 文件：{reason}</translation>
    </message>
    <message>
      <source>The CSV file cannot be read at line {line}: {reason}</source>
      <translation>CSV 文件第 {line} 行无法读取：{reason}</translation>
    </message>
    <message>
      <source>Patient lists are read from .csv or .xlsx files.</source>
      <translation>患者名单须为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
      <source>The date {value} is not in the form YYYY-MM-DD.</source>
      <translation>日期 {value} 不是 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
      <source>The sex {value} is not 男/女/M/F.</source>
      <translation>性别 {value} 不是 男/女/M/F 之一。</translation>
    </message>
    <message>
      <source>The file is empty: the first row must name the columns.</source>
      <translation>文件为空：第一行须为列名。</translation>
    </message>
    <message>
      <source>No name column (姓名 or name) in the first row.</source>
      <translation>第一行中没有姓名列（“姓名”或“name”）。</translation>
    </message>
    <message>
      <source>This patient is already registered: {name} (patient {id}).</source>
      <translation>此患者已登记：{name}（患者 {id}）。</translation>
    </message>
    <message>
      <source>Enter the hospital name.</source>
      <translation>请填写医院名称。</translation>
    </message>
    <message>
      <source>The hospital name is too long.</source>
      <translation>医院名称过长。</translation>
    </message>
    <message>
      <source>This data folder is already set up. Nothing was changed.</source>
      <translation>此数据文件夹已设置过。未做任何更改。</translation>
    </message>
    <message>
      <source>A user name has 2-64 letters, digits, '.', '_' or '-'.</source>
      <translation>用户名由 2–64 个字母、数字、“.”、“_”或“-”组成。</translation>
    </message>
    <message>
      <source>Unknown role: {role}.</source>
      <translation>未知角色：{role}。</translation>
    </message>
    <message>
      <source>This user does not exist (any more).</source>
      <translation>该用户不存在（或已被删除）。</translation>
    </message>
    <message>
      <source>You cannot disable your own account.</source>
      <translation>不能停用自己的账户。</translation>
    </message>
    <message>
      <source>You cannot delete your own account.</source>
      <translation>不能删除自己的账户。</translation>
    </message>
    <message>
      <source>{name} appears in the records and cannot be deleted (the records must keep who did what). Disable the account instead: a disabled user cannot log in.</source>
      <translation>{name} 已出现在记录中，不能删除（记录必须保留操作人）。请改为停用该账户：停用后该用户无法登录。</translation>
    </message>
    <message>
      <source>The quorum setting {key} must be a whole number from {low} to {high}.</source>
      <translation>法定人数设置{key}须为{low}到{high}之间的整数。</translation>
    </message>
    <message>
      <source>The quorum setting {key} must be yes or no.</source>
      <translation>法定人数设置{key}只能为“是”或“否”。</translation>
    </message>
    <message>
      <source>Unknown quorum setting: {key}.</source>
      <translation>未知的法定人数设置：{key}。</translation>
    </message>
    <message>
      <source>Unknown title: {title}.</source>
      <translation>未知职称：{title}。</translation>
    </message>
    <message>
      <source>The quorum mode is either block or warn.</source>
      <translation>法定人数规则只能为“阻止”或“提醒”。</translation>
    </message>
    <message>
      <source>Attendee {id} does not exist.</source>
      <translation>参会者{id}不存在。</translation>
    </message>
    <message>
      <source>The time cannot be in the future.</source>
      <translation>时间不能晚于当前时间。</translation>
    </message>
    <message>
      <source>Choose an active member of this team.</source>
      <translation>请选择本团队的在职成员。</translation>
    </message>
    <message>
      <source>User {id} does not exist.</source>
      <translation>用户{id}不存在。</translation>
    </message>
    <message>
      <source>{name} is already invited.</source>
      <translation>{name}已在邀请名单中。</translation>
    </message>
    <message>
      <source>Enter the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>{name} has signed in; record leaving instead.</source>
      <translation>{name}已签到；请改为登记离场。</translation>
    </message>
    <message>
      <source>You are not invited to this meeting.</source>
      <translation>您不在本次会议的邀请名单中。</translation>
    </message>
    <message>
      <source>{name} has given an opinion in this meeting.</source>
      <translation>{name}已在本次会议中发表意见。</translation>
    </message>
    <message>
      <source>{name} has not signed in to this meeting.</source>
      <translation>{name}尚未在本次会议签到。</translation>
    </message>
    <message>
      <source>Leaving cannot be before signing in.</source>
      <translation>离场时间不能早于签到时间。</translation>
    </message>
    <message>
      <source>This case is not on the meeting's agenda (or was postponed).</source>
      <translation>该病例不在本次会议议程中（或已推迟）。</translation>
    </message>
    <message>
      <source>The user name {username} is taken.</source>
      <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
      <source>Unknown department: {code}.</source>
      <translation>未知科室：{code}。</translation>
    </message>
    <message>
      <source>This data folder already holds patient data; demo data is only added to a new, empty folder. Nothing was changed.</source>
      <translation>此数据文件夹中已有患者数据；演示数据只能加入新的空文件夹。未做任何更改。</translation>
    </message>
    <message>
      <source>This data folder already holds the demo data. Nothing was changed.</source>
      <translation>此数据文件夹中已有演示数据。未做任何更改。</translation>
    </message>
    <message>
      <source>Enter a whole number of minutes from {low} to {high}.</source>
      <translation>请填写{low}到{high}之间的整数分钟。</translation>
    </message>
    <message>
      <source>This case is not waiting to be discussed.</source>
      <translation>该病例不在待讨论状态。</translation>
    </message>
    <message>
      <source>A listed case needs the standard decision it is recorded with.</source>
      <translation>备案（不讨论）病例须填写标准处理意见。</translation>
    </message>
    <message>
      <source>Case {case_no} is not waiting for a meeting (it is already on an agenda, or not yet submitted).</source>
      <translation>病例{case_no}不在待排会状态（已在议程中，或尚未提交）。</translation>
    </message>
    <message>
      <source>Case {case_no} belongs to another team.</source>
      <translation>病例{case_no}属于其他团队。</translation>
    </message>
    <message>
      <source>A listed case takes no meeting time.</source>
      <translation>备案（不讨论）病例不占用会议时间。</translation>
    </message>
    <message>
      <source>The new order must list every case of the agenda once.</source>
      <translation>新的顺序须包含议程中的每个病例各一次。</translation>
    </message>
    <message>
      <source>Enter the reason.</source>
      <translation>请填写原因。</translation>
    </message>
    <message>
      <source>Choose another planned meeting of the same team.</source>
      <translation>请选择同一团队的另一次未开始的会议。</translation>
    </message>
    <message>
      <source>The backup is too large for this archive format.</source>
      <translation>备份过大，超出此备份格式的上限。</translation>
    </message>
    <message>
      <source>This file is not an MDT Desk backup.</source>
      <translation>此文件不是多学科诊疗工作台的备份。</translation>
    </message>
    <message>
      <source>This backup was made by a newer version of MDT Desk (backup format {version}). Install that version to restore it.</source>
      <translation>此备份由更新版本的多学科诊疗工作台生成（备份格式 {version}）。请安装该版本后再恢复。</translation>
    </message>
    <message>
      <source>The backup file's header is damaged; it cannot be read.</source>
      <translation>备份文件头已损坏，无法读取。</translation>
    </message>
    <message>
      <source>Wrong passphrase, or not an MDT Desk backup. Nothing was changed.</source>
      <translation>备份密码错误，或不是多学科诊疗工作台的备份。未做任何更改。</translation>
    </message>
    <message>
      <source>The backup file is incomplete (it ends too early): the copy was interrupted or the storage medium is failing.</source>
      <translation>备份文件不完整（提前结束）：复制被中断，或存储介质有故障。</translation>
    </message>
    <message>
      <source>The backup file is incomplete (it ends after {mb} MB): the copy was interrupted or the storage medium is failing.</source>
      <translation>备份文件不完整（在 {mb} MB 处结束）：复制被中断，或存储介质有故障。</translation>
    </message>
    <message>
      <source>The backup file is incomplete or damaged at its end (near byte {offset}): the copy was interrupted, the file was changed, or the storage medium is failing.</source>
      <translation>备份文件末尾不完整或已损坏（约第 {offset} 字节）：复制被中断、文件被改动，或存储介质有故障。</translation>
    </message>
    <message>
      <source>The backup file is damaged near byte {offset} (it was changed after it was written, or the storage medium is failing).</source>
      <translation>备份文件在约第 {offset} 字节处损坏（写入后被改动，或存储介质有故障）。</translation>
    </message>
    <message>
      <source>The backup file is not valid ({what}); it cannot be restored.</source>
      <translation>备份文件无效（{what}），无法恢复。</translation>
    </message>
    <message>
      <source>The backup's content fails the check ({problems}); nothing was changed.</source>
      <translation>备份内容未通过检查（{problems}）；未做任何更改。</translation>
    </message>
    <message>
      <source>No backup file at {path}.</source>
      <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
      <source>The restore failed: {reason}. Nothing was changed.</source>
      <translation>恢复失败：{reason}。未做任何更改。</translation>
    </message>
    <message>
      <source>The data folder {path} is not empty. Choose an empty folder, or replace its data (a safety backup of it is kept). Nothing was changed.</source>
      <translation>数据文件夹 {path} 不是空的。请选择空文件夹，或替换其中的数据（会先保留一份安全备份）。未做任何更改。</translation>
    </message>
    <message>
      <source>The restore was cancelled; nothing was changed.</source>
      <translation>已取消恢复；未做任何更改。</translation>
    </message>
    <message>
      <source>The backup passphrase must have at least {n} characters.</source>
      <translation>备份密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The backup was cancelled; no file was written.</source>
      <translation>已取消备份；未写入任何文件。</translation>
    </message>
    <message>
      <source>The backup could not be written to {path}: {reason}. No backup file was left there; the data is unchanged.</source>
      <translation>无法将备份写入 {path}：{reason}。该处没有留下备份文件；数据未改变。</translation>
    </message>
    <message>
      <source>The automatic backup failed: {reason}.</source>
      <translation>自动备份失败：{reason}。</translation>
    </message>
    <message>
      <source>The automatic backup failed its check; the database may be damaged. Run the check, or ask IT for help.</source>
      <translation>自动备份未通过检查，数据库可能已损坏。请运行检查，或联系信息科。</translation>
    </message>
    <message>
      <source>Only a pending listed case can be recorded with its standard decision.</source>
      <translation>只有待处理的备案病例才能按标准处理意见记录。</translation>
    </message>
    <message>
      <source>This case was postponed or withdrawn.</source>
      <translation>该病例已推迟或撤下。</translation>
    </message>
    <message>
      <source>Unknown capture field: {name}.</source>
      <translation>未知的记录字段：{name}。</translation>
    </message>
    <message>
      <source>The captured data is malformed ({name}).</source>
      <translation>记录的数据格式有误（{name}）。</translation>
    </message>
    <message>
      <source>The meeting has not been started (or is already closed).</source>
      <translation>会议尚未开始（或已结束）。</translation>
    </message>
    <message>
      <source>This decision has been finalised and can no longer be edited. Correct it with an amendment.</source>
      <translation>该诊疗意见已定稿，不能再修改。如需更正，请提交修订。</translation>
    </message>
    <message>
      <source>An opinion must be attributed to an attendee of this meeting.</source>
      <translation>意见须归属于本次会议的参会者。</translation>
    </message>
    <message>
      <source>Only the chair of this meeting can finalise its decisions.</source>
      <translation>只有本次会议的主持人才能定稿诊疗意见。</translation>
    </message>
    <message>
      <source>Enter the reason for the amendment.</source>
      <translation>请填写修订原因。</translation>
    </message>
    <message>
      <source>Only the finalised version in force can be amended; edit a draft directly.</source>
      <translation>只能修订现行的定稿版本；草稿请直接编辑。</translation>
    </message>
    <message>
      <source>An amendment of this decision is already waiting to be finalised.</source>
      <translation>该诊疗意见已有一份修订在等待定稿。</translation>
    </message>
    <message>
      <source>Only an amendment that is not finalised can be discarded.</source>
      <translation>只能放弃尚未定稿的修订。</translation>
    </message>
    <message>
      <source>Team {id} does not exist.</source>
      <translation>团队{id}不存在。</translation>
    </message>
    <message>
      <source>Meeting {id} does not exist.</source>
      <translation>会议{id}不存在。</translation>
    </message>
    <message>
      <source>Agenda item {id} does not exist.</source>
      <translation>议程项{id}不存在。</translation>
    </message>
    <message>
      <source>Decision {id} does not exist.</source>
      <translation>诊疗意见{id}不存在。</translation>
    </message>
    <message>
      <source>This meeting is {status}; it can no longer be changed.</source>
      <translation>该会议{status}，不能再修改。</translation>
    </message>
    <message>
      <source>Unknown discipline: {code}.</source>
      <translation>未知的学科：{code}。</translation>
    </message>
    <message>
      <source>The quorum is not met: {reasons} Record the chair's reason to proceed anyway.</source>
      <translation>未达到法定人数：{reasons} 如需继续，请记录主持人的理由。</translation>
    </message>
    <message>
      <source>Enter the date and time of the meeting.</source>
      <translation>请填写会议日期和时间。</translation>
    </message>
    <message>
      <source>This team is no longer active.</source>
      <translation>该团队已停用。</translation>
    </message>
    <message>
      <source>Unknown meeting field: {name}.</source>
      <translation>未知的会议字段：{name}。</translation>
    </message>
    <message>
      <source>Only a planned meeting can be moved to another time.</source>
      <translation>只有未开始的会议才能改期。</translation>
    </message>
    <message>
      <source>Only a planned meeting can be cancelled.</source>
      <translation>只有未开始的会议才能取消。</translation>
    </message>
    <message>
      <source>Enter the chair's reason for proceeding without a quorum.</source>
      <translation>请填写主持人在未达法定人数时继续进行的理由。</translation>
    </message>
    <message>
      <source>This meeting has already been started.</source>
      <translation>该会议已经开始。</translation>
    </message>
    <message>
      <source>{n} cases on the agenda have not been discussed: mark them discussed, postpone or withdraw them first.</source>
      <translation>议程中还有{n}个病例未讨论：请先标记为已讨论、推迟或撤下。</translation>
    </message>
    <message>
      <source>This attachment is not an image.</source>
      <translation>此附件不是图像。</translation>
    </message>
    <message>
      <source>This image is too large to open safely ({megapixels} megapixels; the limit is {limit} megapixels for an image without a tile pyramid). Save it as a pyramidal TIFF or a whole-slide format and import that file.</source>
      <translation>此图像过大，无法安全打开（{megapixels} 百万像素；没有分层金字塔的图像上限为 {limit} 百万像素）。请将其另存为金字塔 TIFF 或全切片格式后再导入。</translation>
    </message>
    <message>
      <source>This image cannot be decoded (damaged or unsupported file).</source>
      <translation>无法解码此图像（文件损坏或格式不受支持）。</translation>
    </message>
    <message>
      <source>Level {level} does not exist: this image has levels 0 to {last}.</source>
      <translation>第 {level} 层不存在：此图像的层级为 0 到 {last}。</translation>
    </message>
    <message>
      <source>Give both the window centre and width, or neither.</source>
      <translation>请同时填写窗位和窗宽，或都不填。</translation>
    </message>
    <message>
      <source>Frame {frame} does not exist: this image has {count} frame(s).</source>
      <translation>第 {frame} 帧不存在：此图像共 {count} 帧。</translation>
    </message>
    <message>
      <source>Key image {id} does not exist.</source>
      <translation>关键图像 {id} 不存在。</translation>
    </message>
    <message>
      <source>The stored file of attachment {id} is missing; run the check.</source>
      <translation>附件 {id} 的存储文件缺失，请运行检查。</translation>
    </message>
    <message>
      <source>This attachment is a photo, not a DICOM image.</source>
      <translation>此附件是照片，不是 DICOM 图像。</translation>
    </message>
    <message>
      <source>Give a window or a preset, not both.</source>
      <translation>请指定窗宽窗位或预设窗，不能同时指定。</translation>
    </message>
    <message>
      <source>The window width must be greater than zero.</source>
      <translation>窗宽必须大于零。</translation>
    </message>
    <message>
      <source>Window and presets apply to DICOM images only.</source>
      <translation>窗宽窗位和预设窗仅适用于 DICOM 图像。</translation>
    </message>
    <message>
      <source>Unknown window preset {name}. Known presets: {names}.</source>
      <translation>未知的预设窗 {name}。可用预设：{names}。</translation>
    </message>
    <message>
      <source>Unknown team field: {name}.</source>
      <translation>未知的团队字段：{name}。</translation>
    </message>
    <message>
      <source>Enter the team's name.</source>
      <translation>请填写团队名称。</translation>
    </message>
    <message>
      <source>Follow-up months are whole numbers from 1 to 120.</source>
      <translation>随访月数须为1到120之间的整数。</translation>
    </message>
    <message>
      <source>Unknown team member field: {name}.</source>
      <translation>未知的团队成员字段：{name}。</translation>
    </message>
    <message>
      <source>{name} has {n} planned or running meetings: close or cancel them before deactivating the team.</source>
      <translation>{name}还有{n}个已安排或进行中的会议：请先结束或取消这些会议，再停用团队。</translation>
    </message>
    <message>
      <source>{name} is already a member of this team.</source>
      <translation>{name}已是本团队成员。</translation>
    </message>
    <message>
      <source>Team member {id} does not exist.</source>
      <translation>团队成员{id}不存在。</translation>
    </message>
    <message>
      <source>There is already a team called {name}.</source>
      <translation>已有名为{name}的团队。</translation>
    </message>
    <message>
      <source>Printing is not set up on this computer (CUPS `{tool}` was not found).</source>
      <translation>本机未配置打印系统（找不到 CUPS 的 `{tool}`）。</translation>
    </message>
    <message>
      <source>The print system did not answer within {seconds} seconds.</source>
      <translation>打印系统在 {seconds} 秒内没有响应。</translation>
    </message>
    <message>
      <source>The print system refused: {reason}</source>
      <translation>打印系统拒绝了任务：{reason}</translation>
    </message>
    <message>
      <source>The number of copies must be at least 1.</source>
      <translation>份数至少为 1。</translation>
    </message>
    <message>
      <source>There is no printer named {printer}.</source>
      <translation>没有名为 {printer} 的打印机。</translation>
    </message>
    <message>
      <source>This file is not a readable PDF document.</source>
      <translation>此文件不是可读取的PDF文档。</translation>
    </message>
    <message>
      <source>Enter a whole number from {low} to {high}.</source>
      <translation>请输入 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
      <source>Meeting {id} has nothing to print.</source>
      <translation>会议 {id} 没有可打印的文书。</translation>
    </message>
    <message>
      <source>No printer was named and there is no default printer.</source>
      <translation>未指定打印机，且没有默认打印机。</translation>
    </message>
    <message>
      <source>The password is wrong. Nothing was changed.</source>
      <translation>密码错误。未做任何更改。</translation>
    </message>
    <message>
      <source>Enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <source>This PKCS#12 file cannot be opened: wrong file password, or not a PKCS#12 (.p12/.pfx) file.</source>
      <translation>无法打开此 PKCS#12 文件：文件密码错误，或不是 PKCS#12（.p12/.pfx）文件。</translation>
    </message>
    <message>
      <source>This PKCS#12 file holds no signing key with its certificate.</source>
      <translation>此 PKCS#12 文件中没有带证书的签名密钥。</translation>
    </message>
    <message>
      <source>The hospital CA has not been created yet. The administrator creates it under Settings.</source>
      <translation>尚未创建医院 CA 证书。请管理员在“设置”中创建。</translation>
    </message>
    <message>
      <source>This data folder has not been set up yet.</source>
      <translation>此数据文件夹尚未初始化。</translation>
    </message>
    <message>
      <source>The CA passphrase must have at least {n} characters.</source>
      <translation>CA 口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The hospital CA already exists.</source>
      <translation>医院 CA 证书已存在。</translation>
    </message>
    <message>
      <source>This is not a PEM certificate.</source>
      <translation>这不是 PEM 格式的证书。</translation>
    </message>
    <message>
      <source>This document is not waiting for your signature.</source>
      <translation>此文书不需要您签名。</translation>
    </message>
    <message>
      <source>Document {id} does not exist.</source>
      <translation>文书 {id} 不存在。</translation>
    </message>
    <message>
      <source>Only a decision the chair has finalised can be signed.</source>
      <translation>只有主持人已定稿的意见才能签署。</translation>
    </message>
    <message>
      <source>Nobody who attended this meeting can sign: the chair (and the experts the team's policy names) must have signed in.</source>
      <translation>本次会议没有可签名的参会人员：主持人（以及团队签名规则要求的专家）须已签到。</translation>
    </message>
    <message>
      <source>This document is already fully signed (or was replaced by a newer version); it can no longer be signed.</source>
      <translation>此文书已全部签署（或已被新版本取代），不能再签名。</translation>
    </message>
    <message>
      <source>This decision was amended; sign the new version instead.</source>
      <translation>此意见已被修订，请签署新版本。</translation>
    </message>
    <message>
      <source>The chair signs last, which seals the document. Still to sign: {names}.</source>
      <translation>主持人最后签名，签后文书即封存。尚未签名：{names}。</translation>
    </message>
    <message>
      <source>You have no signing certificate yet. Request one under My signature; the administrator issues it.</source>
      <translation>您还没有签名证书。请在“我的签名”中申请，由管理员签发。</translation>
    </message>
    <message>
      <source>Enrol your handwritten signature first (My signature).</source>
      <translation>请先录入手写签名（我的签名）。</translation>
    </message>
    <message>
      <source>Someone else signed this document at the same moment. Open it again and sign.</source>
      <translation>有其他人同时签署了此文书。请重新打开后再签名。</translation>
    </message>
    <message>
      <source>No case with number {case_no}.</source>
      <translation>没有编号为 {case_no} 的病例。</translation>
    </message>
    <message>
      <source>Case {case_no} has no discussion {n}.</source>
      <translation>病例 {case_no} 没有第 {n} 次讨论。</translation>
    </message>
    <message>
      <source>Case {case_no} has no decision to print yet.</source>
      <translation>病例 {case_no} 尚无可打印的讨论意见。</translation>
    </message>
    <message>
      <source>The handwritten signature must be a PNG image (at most 2 MB).</source>
      <translation>手写签名必须是 PNG 图片（不超过 2 MB）。</translation>
    </message>
    <message>
      <source>You have not enrolled a handwritten signature yet.</source>
      <translation>您尚未录入手写签名。</translation>
    </message>
    <message>
      <source>The region {region} lies outside the image ({width}×{height} pixels).</source>
      <translation>区域 {region} 超出图像范围（{width}×{height} 像素）。</translation>
    </message>
    <message>
      <source>The region is too large at level {level} ({width}×{height} pixels); choose a coarser level or a smaller region.</source>
      <translation>该区域在第 {level} 层过大（{width}×{height} 像素）；请选择更粗的层级或更小的区域。</translation>
    </message>
    <message>
      <source>The printer {printer} could not be opened.</source>
      <translation>无法打开打印机 {printer}。</translation>
    </message>
    <message>
      <source>The file {path} could not be written ({reason}). Choose another folder.</source>
      <translation>无法写入文件 {path}（{reason}）。请选择其他文件夹。</translation>
    </message>
    <message>
      <source>The disk that holds the data folder is full: nothing was saved. Free some space (or ask IT), then try again. What was saved before is intact.</source>
      <translation>存放数据文件夹的磁盘已满：本次内容未保存。请腾出空间（或联系信息科）后重试。之前保存的数据完好无损。</translation>
    </message>
    <message>
      <source>The data folder cannot be written (it is read-only, or access is denied): nothing was saved. Ask IT to check the folder and its permissions. What was saved before is intact.</source>
      <translation>数据文件夹无法写入（只读或无访问权限）：本次内容未保存。请联系信息科检查该文件夹及其权限。之前保存的数据完好无损。</translation>
    </message>
    <message>
      <source>The disk reported an error while saving: nothing was saved. Check the disk (or ask IT) before going on. What was saved before is intact.</source>
      <translation>保存时磁盘报告错误：本次内容未保存。请先检查磁盘（或联系信息科）再继续。之前保存的数据完好无损。</translation>
    </message>
    <message>
      <source>Execution can only be recorded for the finalised decision in force.</source>
      <translation>只能为现行的已定稿诊疗意见登记执行情况。</translation>
    </message>
    <message>
      <source>Enter the date as YYYY-MM-DD.</source>
      <translation>请按 YYYY-MM-DD 格式填写日期。</translation>
    </message>
    <message>
      <source>Unknown execution status: {code}.</source>
      <translation>未知的执行情况：{code}。</translation>
    </message>
    <message>
      <source>Unknown treatment place: {code}.</source>
      <translation>未知的治疗地点：{code}。</translation>
    </message>
    <message>
      <source>Unknown deviation reason: {code}.</source>
      <translation>未知的偏离原因：{code}。</translation>
    </message>
    <message>
      <source>Enter the date treatment started.</source>
      <translation>请填写开始治疗的日期。</translation>
    </message>
    <message>
      <source>Enter where the treatment takes place.</source>
      <translation>请填写治疗地点。</translation>
    </message>
    <message>
      <source>The treatment start date lies in the future.</source>
      <translation>开始治疗日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Choose the reason for the deviation from the plan.</source>
      <translation>请选择未按方案执行的原因。</translation>
    </message>
    <message>
      <source>Describe the deviation from the plan.</source>
      <translation>请说明未按方案执行的具体情况。</translation>
    </message>
    <message>
      <source>Action item {id} does not exist.</source>
      <translation>待办事项 {id} 不存在。</translation>
    </message>
    <message>
      <source>Follow-up {id} does not exist.</source>
      <translation>随访记录 {id} 不存在。</translation>
    </message>
    <message>
      <source>Choose a value for {name}.</source>
      <translation>请选择{name}。</translation>
    </message>
    <message>
      <source>Unknown value for {name}: {code}.</source>
      <translation>{name}的取值无效：{code}。</translation>
    </message>
    <message>
      <source>The follow-up date lies in the future.</source>
      <translation>随访日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Follow-ups are planned for the finalised decision in force.</source>
      <translation>只能为现行的已定稿诊疗意见安排随访。</translation>
    </message>
    <message>
      <source>Enter why the patient was lost to follow-up.</source>
      <translation>请填写失访原因。</translation>
    </message>
    <message>
      <source>Enter why the case needs to be discussed again.</source>
      <translation>请填写需要再次讨论的原因。</translation>
    </message>
    <message>
      <source>This file is not an MDT Desk case package (.mdtpkg).</source>
      <translation>此文件不是 MDT Desk 病例包（.mdtpkg）。</translation>
    </message>
    <message>
      <source>The package file's header is damaged; it cannot be read. Ask the sender for a new copy.</source>
      <translation>病例包文件头已损坏，无法读取。请向发送方索取新的副本。</translation>
    </message>
    <message>
      <source>The passphrase is wrong for this package. Nothing was imported.</source>
      <translation>病例包口令错误。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package file is incomplete: it has {have} of its {want} bytes (the copy was interrupted or the storage medium is failing). Nothing was imported.</source>
      <translation>病例包文件不完整：仅有 {want} 字节中的 {have} 字节（复制中断或存储介质故障）。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package file has {extra} unexpected bytes after its end: it was altered. Nothing was imported.</source>
      <translation>病例包文件末尾多出 {extra} 字节：文件已被改动。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package was altered or damaged near byte {offset}: its content is not what the sender sealed. Nothing was imported.</source>
      <translation>病例包在第 {offset} 字节附近被改动或损坏：内容与发送方封装的不一致。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package content is malformed ({what}). Nothing was imported.</source>
      <translation>病例包内容格式错误（{what}）。未导入任何内容。</translation>
    </message>
    <message>
      <source>This package was made by a newer version of MDT Desk (package format {version}). Install that version to open it.</source>
      <translation>此病例包由更新版本的 MDT Desk 生成（格式版本 {version}）。请安装该版本后再打开。</translation>
    </message>
    <message>
      <source>The package holds no manifest. Nothing was imported.</source>
      <translation>病例包中没有清单。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package holds a file its sender did not list ({name}). Nothing was imported.</source>
      <translation>病例包中含有发送方清单未列出的文件（{name}）。未导入任何内容。</translation>
    </message>
    <message>
      <source>A file in the package does not match its SHA-256 ({name}). Nothing was imported.</source>
      <translation>病例包中的文件与其 SHA-256 不符（{name}）。未导入任何内容。</translation>
    </message>
    <message>
      <source>{n} file(s) listed in the package are missing from it. Nothing was imported.</source>
      <translation>清单中列出的 {n} 个文件在病例包中缺失。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package's signature does not match its content: it was altered after the sender signed it. Nothing was imported.</source>
      <translation>病例包签名与内容不符：签名后内容被改动。未导入任何内容。</translation>
    </message>
    <message>
      <source>The sender's certificate ({name}) was not valid when the package was made. Nothing was imported.</source>
      <translation>生成病例包时发送方证书（{name}）不在有效期内。未导入任何内容。</translation>
    </message>
    <message>
      <source>The package was signed by {name} of {organisation}, whose hospital is not trusted by this installation (certificate {fingerprint}). The administrator imports that hospital's root certificate first. Nothing was imported.</source>
      <translation>病例包由 {organisation} 的 {name} 签名，本系统不信任该医院（证书 {fingerprint}）。请管理员先导入该医院的根证书。未导入任何内容。</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written or imported.</source>
      <translation>已取消：未写入或导入任何内容。</translation>
    </message>
    <message>
      <source>The package passphrase must have at least {n} characters.</source>
      <translation>病例包口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The patient's consent to send identified data to another hospital is not recorded for case {case_no}. Record it on the case (referral), or export the package de-identified.</source>
      <translation>病例 {case_no} 未记录患者同意向外院发送可识别身份的资料。请在病例（申请信息）中记录知情同意，或以去标识化方式导出。</translation>
    </message>
    <message>
      <source>Patient {id} is not the patient this package matched; nothing was imported.</source>
      <translation>患者 {id} 不是与此病例包匹配的患者；未导入任何内容。</translation>
    </message>
    <message>
      <source>The patient in this package matches patient {id} ({name}) here by {by}. Confirm to add the case to that patient (--merge-patient {id}). Nothing was imported.</source>
      <translation>病例包中的患者按{by}与本系统患者 {id}（{name}）匹配。请确认后将病例归入该患者（--merge-patient {id}）。未导入任何内容。</translation>
    </message>
    <message>
      <source>This package was made by this installation; it is not imported back into it.</source>
      <translation>此病例包由本系统导出，不能再导入本系统。</translation>
    </message>
    <message>
      <source>Write the opinion first.</source>
      <translation>请先填写会诊意见。</translation>
    </message>
    <message>
      <source>Case {case_no} did not arrive in a package: an opinion package answers a package.</source>
      <translation>病例 {case_no} 不是通过病例包接收的：会诊意见包只能回复收到的病例包。</translation>
    </message>
    <message>
      <source>This opinion answers package {uuid}, which was not sent from this installation. Nothing was imported.</source>
      <translation>此会诊意见回复的病例包 {uuid} 不是由本系统发出的。未导入任何内容。</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>统计期间的结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>Unknown statistics table: {name}.</source>
      <translation>未知的统计表：{name}。</translation>
    </message>
    <message>
      <source>Export to .xlsx, .csv or .pdf (not {name}).</source>
      <translation>只能导出为 .xlsx、.csv 或 .pdf 文件（不能是 {name}）。</translation>
    </message>
    <message>
      <source>Unknown indicator: {name}.</source>
      <translation>未知的指标：{name}。</translation>
    </message>
    <message>
      <source>{name} cannot be read: it is not a file, or access is denied.</source>
      <translation>无法读取 {name}：它不是文件，或没有访问权限。</translation>
    </message>
    <message>
      <source>{name} is a damaged DICOM file and was not attached ({reason}).</source>
      <translation>{name} 是损坏的 DICOM 文件，未添加（{reason}）。</translation>
    </message>
  </context>
  <context>
    <name>quorum</name>
    <message>
      <source>Fewer than {n} disciplines are represented by experts of {title} or above ({found} present).</source>
      <translation>{title}及以上职称专家所代表的学科不足{n}个（现有{found}个）。</translation>
    </message>
    <message>
      <source>No pathologist is present; a first pre-treatment discussion needs pathology.</source>
      <translation>病理科未到场；治疗前首次讨论须有病理科参加。</translation>
    </message>
    <message>
      <source>No radiologist is present; a first pre-treatment discussion needs radiology.</source>
      <translation>影像科未到场；治疗前首次讨论须有影像科参加。</translation>
    </message>
    <message>
      <source>Fewer than {n} attendees of attending grade or above ({found} present).</source>
      <translation>主治医师及以上职称的参会者不足{n}人（现有{found}人）。</translation>
    </message>
    <message>
      <source>The chair is not present.</source>
      <translation>主持人未到场。</translation>
    </message>
  </context>
  <context>
    <name>statistics</name>
    <message>
      <source>Indicators</source>
      <translation>质量指标</translation>
    </message>
    <message>
      <source>Cases per month</source>
      <translation>每月讨论病例数</translation>
    </message>
    <message>
      <source>Cases per team</source>
      <translation>各团队讨论病例数</translation>
    </message>
    <message>
      <source>Cases per tumour type</source>
      <translation>各肿瘤类型讨论病例数</translation>
    </message>
    <message>
      <source>Cases per applying department</source>
      <translation>各申请科室讨论病例数</translation>
    </message>
    <message>
      <source>Deviation reasons</source>
      <translation>未按方案执行原因</translation>
    </message>
    <message>
      <source>Expert attendance</source>
      <translation>专家出席次数</translation>
    </message>
    <message>
      <source>Discipline attendance</source>
      <translation>学科出席次数</translation>
    </message>
    <message>
      <source>Definitions</source>
      <translation>指标定义</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Numerator</source>
      <translation>分子</translation>
    </message>
    <message>
      <source>Denominator</source>
      <translation>分母</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>定义</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>MDT团队</translation>
    </message>
    <message>
      <source>Tumour type</source>
      <translation>肿瘤类型</translation>
    </message>
    <message>
      <source>Applying department</source>
      <translation>申请科室</translation>
    </message>
    <message>
      <source>Cases discussed</source>
      <translation>讨论病例数</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>例数</translation>
    </message>
    <message>
      <source>Expert</source>
      <translation>专家</translation>
    </message>
    <message>
      <source>Discipline</source>
      <translation>学科</translation>
    </message>
    <message>
      <source>Meetings attended</source>
      <translation>出席会议次数</translation>
    </message>
    <message>
      <source>MDT quality statistics</source>
      <translation>MDT质量统计报告</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>All tumour types</source>
      <translation>全部肿瘤类型</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>(not recorded)</source>
      <translation>（未登记）</translation>
    </message>
    <message>
      <source>A case discussed twice counts twice (each discussion is a presentation to the team).</source>
      <translation>同一病例讨论两次计两例次（每次讨论均为一次提交团队的病例）。</translation>
    </message>
    <message>
      <source>MDT coverage of new cancer patients</source>
      <translation>新发肿瘤患者MDT覆盖率</translation>
    </message>
    <message>
      <source>Pre-treatment applications with a malignant diagnosis (ICD-10 C00–C97) made in the period: the share already discussed by an MDT. The hospital-wide count of new cancer patients comes from the HIS; this figure covers the patients referred to the MDT.</source>
      <translation>统计期间内申请的、诊断为恶性肿瘤（ICD-10 C00–C97）的治疗前MDT申请中，已经过MDT讨论的比例。全院新发肿瘤患者总数来自HIS，本指标仅覆盖已申请MDT的患者。</translation>
    </message>
    <message>
      <source>Discussed before first treatment</source>
      <translation>首次治疗前MDT讨论率</translation>
    </message>
    <message>
      <source>Cases first discussed in the period: the share whose first discussion was a pre-treatment discussion held before treatment started (no treatment yet counts as before; a recorded start date before the meeting does not).</source>
      <translation>统计期间内首次讨论的病例中，首次讨论为治疗前讨论且在开始治疗之前进行的比例（尚未治疗视为治疗前；登记的开始治疗日期早于会议日期则不计入）。</translation>
    </message>
    <message>
      <source>Median days from application to discussion</source>
      <translation>申请至讨论天数（中位数）</translation>
    </message>
    <message>
      <source>Cases first discussed in the period: median of the days between the application date and the meeting date.</source>
      <translation>统计期间内首次讨论的病例，从申请日期到会议日期的天数中位数。</translation>
    </message>
    <message>
      <source>Median days from discussion to treatment start</source>
      <translation>讨论至开始治疗天数（中位数）</translation>
    </message>
    <message>
      <source>Discussions in the period whose decision in force has a treatment start date on or after the meeting: median of the days between them (treatment started before the meeting is left out).</source>
      <translation>统计期间内讨论、现行诊疗意见登记了开始治疗日期（不早于会议日期）的病例，从会议到开始治疗的天数中位数（会前已开始治疗者不计入）。</translation>
    </message>
    <message>
      <source>Urgent cases discussed within 72 h</source>
      <translation>急诊病例72小时内讨论率</translation>
    </message>
    <message>
      <source>Urgent cases first discussed in the period: the share discussed within 72 hours of submission.</source>
      <translation>统计期间内首次讨论的急诊病例中，提交申请后72小时内完成讨论的比例。</translation>
    </message>
    <message>
      <source>Quorum compliance</source>
      <translation>会议法定人数达标率</translation>
    </message>
    <message>
      <source>Closed meetings held in the period: the share that met the quorum without the chair overriding it. The tumour-type filter does not apply.</source>
      <translation>统计期间内已结束的会议中，未经主持人特批即满足法定人数要求的比例。本指标不按肿瘤类型筛选。</translation>
    </message>
    <message>
      <source>Clinical TNM before first treatment (CA-xx-01)</source>
      <translation>首次治疗前临床TNM分期记录率（CA-xx-01）</translation>
    </message>
    <message>
      <source>Pre-treatment cases first discussed in the period and not treated before the meeting: the share whose record holds a complete T, N and M stage.</source>
      <translation>统计期间内首次讨论、会前未开始治疗的治疗前病例中，病历记录了完整T、N、M分期的比例。</translation>
    </message>
    <message>
      <source>Pathology before non-surgical treatment (CA-xx-03)</source>
      <translation>非手术治疗前病理诊断率（CA-xx-03）</translation>
    </message>
    <message>
      <source>Discussions in the period whose decision in force is a non-surgical anticancer treatment (radiotherapy, chemotherapy, targeted, immunotherapy, endocrine, interventional) that has started: the share with a histology diagnosis or a pathology report attached.</source>
      <translation>统计期间内讨论、现行诊疗意见为非手术抗肿瘤治疗（放疗、化疗、靶向、免疫、内分泌、介入）且已开始治疗的病例中，有组织学诊断或附有病理报告的比例。</translation>
    </message>
    <message>
      <source>Decision implementation rate</source>
      <translation>诊疗意见执行率</translation>
    </message>
    <message>
      <source>Decisions in force from discussions in the period whose execution status is recorded: the share carried out as planned (partly executed and not executed count as deviations; the reasons are listed separately).</source>
      <translation>统计期间内讨论、已登记执行情况的现行诊疗意见中，按方案执行的比例（部分执行和未执行计为偏离，原因另表列出）。</translation>
    </message>
    <message>
      <source>Decisions awaiting execution status</source>
      <translation>待反馈执行情况的诊疗意见</translation>
    </message>
    <message>
      <source>Decisions in force from discussions in the period whose execution status has not been recorded yet.</source>
      <translation>统计期间内讨论、尚未登记执行情况的现行诊疗意见数。</translation>
    </message>
    <message>
      <source>Follow-up completion at 1 month</source>
      <translation>1个月随访完成率</translation>
    </message>
    <message>
      <source>Follow-ups planned 1 month after the decision that fell due in the period (up to today): the share completed by a visit or a call (lost to follow-up does not count as completed).</source>
      <translation>诊疗意见后1个月的计划随访中，到期日在统计期间内（截至今天）的，通过复诊或电话完成的比例（失访不计为完成）。</translation>
    </message>
    <message>
      <source>Follow-up completion at 3 months</source>
      <translation>3个月随访完成率</translation>
    </message>
    <message>
      <source>Follow-ups planned 3 months after the decision that fell due in the period (up to today): the share completed by a visit or a call (lost to follow-up does not count as completed).</source>
      <translation>诊疗意见后3个月的计划随访中，到期日在统计期间内（截至今天）的，通过复诊或电话完成的比例（失访不计为完成）。</translation>
    </message>
    <message>
      <source>Follow-up completion at 6 months</source>
      <translation>6个月随访完成率</translation>
    </message>
    <message>
      <source>Follow-ups planned 6 months after the decision that fell due in the period (up to today): the share completed by a visit or a call (lost to follow-up does not count as completed).</source>
      <translation>诊疗意见后6个月的计划随访中，到期日在统计期间内（截至今天）的，通过复诊或电话完成的比例（失访不计为完成）。</translation>
    </message>
    <message>
      <source>Re-discussion for missing information</source>
      <translation>因资料不全需再讨论率</translation>
    </message>
    <message>
      <source>Discussions in the period with a decision in force: the share whose decision asked for further work-up before treatment could be decided, so the case must come back.</source>
      <translation>统计期间内有现行诊疗意见的讨论中，因需进一步检查而无法确定治疗方案、需再次讨论的比例。</translation>
    </message>
    <message>
      <source>Diagnosis changed by the MDT</source>
      <translation>MDT后诊断改变率</translation>
    </message>
    <message>
      <source>Decisions in force from discussions in the period for which the responsible doctor recorded whether the MDT changed the diagnosis (MDT前后诊断是否改变): the share where it did.</source>
      <translation>统计期间内讨论、且主管医师已记录MDT前后诊断是否改变的现行决定中，诊断经MDT改变的比例。</translation>
    </message>
    <message>
      <source>Treatment plan changed by the MDT</source>
      <translation>MDT后治疗方案改变率</translation>
    </message>
    <message>
      <source>Decisions in force from discussions in the period for which the responsible doctor recorded whether the MDT changed the treatment plan (MDT前后治疗方案是否改变): the share where it did.</source>
      <translation>统计期间内讨论、且主管医师已记录MDT前后治疗方案是否改变的现行决定中，治疗方案经MDT改变的比例。</translation>
    </message>
    <message>
      <source>Treated locally</source>
      <translation>本院治疗率</translation>
    </message>
    <message>
      <source>Decisions in force from discussions in the period whose treatment has started with its place recorded: the share treated in this hospital (target 80%). Patients referred out count as not local.</source>
      <translation>统计期间内讨论、已开始治疗并登记治疗地点的现行诊疗意见中，在本院治疗的比例（目标80%）。转出患者计为非本院治疗。</translation>
    </message>
    <message>
      <source>Referrals to the upper-level hospital</source>
      <translation>转诊上级医院例数</translation>
    </message>
    <message>
      <source>Discussions in the period whose decision in force refers the patient upward, or whose treatment takes place in an upper-level hospital.</source>
      <translation>统计期间内讨论、现行诊疗意见建议转上级医院或实际在上级医院治疗的病例数。</translation>
    </message>
    <message>
      <source>Median days to treatment after upward referral</source>
      <translation>转诊上级医院至开始治疗天数（中位数）</translation>
    </message>
    <message>
      <source>Discussions in the period treated in an upper-level hospital: median of the days between the meeting and the treatment start there.</source>
      <translation>统计期间内讨论、在上级医院治疗的病例，从会议到在上级医院开始治疗的天数中位数。</translation>
    </message>
  </context>
  <context>
    <name>templates</name>
    <message>
      <source>Purpose of the MDT</source>
      <translation>MDT讨论目的</translation>
    </message>
    <message>
      <source>Question to the team</source>
      <translation>提请讨论的问题</translation>
    </message>
    <message>
      <source>Diagnosis (ICD-10)</source>
      <translation>诊断（ICD-10）</translation>
    </message>
    <message>
      <source>Histology (ICD-O-3)</source>
      <translation>病理类型（ICD-O-3）</translation>
    </message>
    <message>
      <source>ECOG or KPS</source>
      <translation>ECOG 或 KPS 评分</translation>
    </message>
    <message>
      <source>Stage (T, N, M)</source>
      <translation>分期（T、N、M）</translation>
    </message>
    <message>
      <source>Pathology confirmation</source>
      <translation>病理确诊</translation>
    </message>
    <message>
      <source>Chest CT (enhanced) for staging</source>
      <translation>胸部增强CT（分期）</translation>
    </message>
    <message>
      <source>Brain MRI or CT for staging</source>
      <translation>头颅MRI或CT（分期）</translation>
    </message>
    <message>
      <source>Tumour markers (CEA, CYFRA21-1, NSE)</source>
      <translation>肿瘤标志物（CEA、CYFRA21-1、NSE）</translation>
    </message>
    <message>
      <source>Driver genes (EGFR, ALK) for non-squamous cancer</source>
      <translation>驱动基因检测（EGFR、ALK，非鳞癌）</translation>
    </message>
    <message>
      <source>Chest, abdomen and pelvis CT (enhanced)</source>
      <translation>胸腹盆增强CT</translation>
    </message>
    <message>
      <source>Tumour markers (CEA, CA19-9, CA72-4)</source>
      <translation>肿瘤标志物（CEA、CA19-9、CA72-4）</translation>
    </message>
    <message>
      <source>HER2 status</source>
      <translation>HER2状态</translation>
    </message>
    <message>
      <source>Pelvic MRI (rectal cancer)</source>
      <translation>盆腔MRI（直肠癌）</translation>
    </message>
    <message>
      <source>Tumour markers (CEA, CA19-9)</source>
      <translation>肿瘤标志物（CEA、CA19-9）</translation>
    </message>
    <message>
      <source>MSI/MMR status</source>
      <translation>MSI/MMR状态</translation>
    </message>
    <message>
      <source>Enhanced liver CT or MRI</source>
      <translation>肝脏增强CT或MRI</translation>
    </message>
    <message>
      <source>AFP and PIVKA-II</source>
      <translation>AFP 和 PIVKA-II</translation>
    </message>
    <message>
      <source>Liver function (Child-Pugh) and HBV/HCV status</source>
      <translation>肝功能（Child-Pugh分级）及乙肝/丙肝状态</translation>
    </message>
    <message>
      <source>Neck, chest and abdomen CT (enhanced)</source>
      <translation>颈胸腹增强CT</translation>
    </message>
    <message>
      <source>Endoscopy report (with ultrasound where available)</source>
      <translation>内镜报告（如有，含超声内镜）</translation>
    </message>
    <message>
      <source>Tumour markers (SCC, CEA)</source>
      <translation>肿瘤标志物（SCC、CEA）</translation>
    </message>
    <message>
      <source>ER, PR, HER2 and Ki-67</source>
      <translation>ER、PR、HER2 和 Ki-67</translation>
    </message>
    <message>
      <source>Breast ultrasound, mammography or MRI</source>
      <translation>乳腺超声、钼靶或MRI</translation>
    </message>
    <message>
      <source>Chest CT and abdominal imaging for staging</source>
      <translation>胸部CT及腹部影像（分期）</translation>
    </message>
    <message>
      <source>Pelvic MRI (enhanced)</source>
      <translation>盆腔增强MRI</translation>
    </message>
    <message>
      <source>Chest and abdomen CT for staging</source>
      <translation>胸腹部CT（分期）</translation>
    </message>
    <message>
      <source>SCC antigen and HPV status</source>
      <translation>SCC抗原及HPV状态</translation>
    </message>
    <message>
      <source>Nasopharynx and neck MRI (enhanced)</source>
      <translation>鼻咽及颈部增强MRI</translation>
    </message>
    <message>
      <source>Plasma EBV DNA</source>
      <translation>血浆EB病毒DNA</translation>
    </message>
  </context>
  <context>
    <name>vocab</name>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>主持人</translation>
    </message>
    <message>
      <source>Physician</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>Secretary</source>
      <translation>秘书</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>查看者</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Returned for more information</source>
      <translation>退回补充</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>已排会</translation>
    </message>
    <message>
      <source>Discussed</source>
      <translation>已讨论</translation>
    </message>
    <message>
      <source>Decision finalised</source>
      <translation>决策已定稿</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签署</translation>
    </message>
    <message>
      <source>Implementing</source>
      <translation>执行中</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已结束</translation>
    </message>
    <message>
      <source>Re-discussion</source>
      <translation>再次讨论</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Lung cancer</source>
      <translation>肺癌</translation>
    </message>
    <message>
      <source>Gastric cancer</source>
      <translation>胃癌</translation>
    </message>
    <message>
      <source>Colorectal cancer</source>
      <translation>结直肠癌</translation>
    </message>
    <message>
      <source>Liver cancer</source>
      <translation>肝癌</translation>
    </message>
    <message>
      <source>Oesophageal cancer</source>
      <translation>食管癌</translation>
    </message>
    <message>
      <source>Breast cancer</source>
      <translation>乳腺癌</translation>
    </message>
    <message>
      <source>Cervical cancer</source>
      <translation>宫颈癌</translation>
    </message>
    <message>
      <source>Nasopharyngeal cancer</source>
      <translation>鼻咽癌</translation>
    </message>
    <message>
      <source>Pre-treatment</source>
      <translation>治疗前</translation>
    </message>
    <message>
      <source>Post-operative</source>
      <translation>术后</translation>
    </message>
    <message>
      <source>Post-treatment</source>
      <translation>治疗后</translation>
    </message>
    <message>
      <source>Awaiting status</source>
      <translation>待反馈</translation>
    </message>
    <message>
      <source>Executed</source>
      <translation>已执行</translation>
    </message>
    <message>
      <source>Partly executed</source>
      <translation>部分执行</translation>
    </message>
    <message>
      <source>Not executed</source>
      <translation>未执行</translation>
    </message>
    <message>
      <source>This hospital</source>
      <translation>本院</translation>
    </message>
    <message>
      <source>Upper-level hospital</source>
      <translation>上级医院</translation>
    </message>
    <message>
      <source>Elsewhere</source>
      <translation>其他医院</translation>
    </message>
    <message>
      <source>Patient or family wish</source>
      <translation>患者或家属意愿</translation>
    </message>
    <message>
      <source>Contraindication</source>
      <translation>存在禁忌证</translation>
    </message>
    <message>
      <source>Disease changed</source>
      <translation>病情变化</translation>
    </message>
    <message>
      <source>Clinic visit</source>
      <translation>门诊复诊</translation>
    </message>
    <message>
      <source>Telephone</source>
      <translation>电话随访</translation>
    </message>
    <message>
      <source>Alive</source>
      <translation>存活</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>死亡</translation>
    </message>
    <message>
      <source>No evidence of disease</source>
      <translation>无瘤生存</translation>
    </message>
    <message>
      <source>Stable disease</source>
      <translation>疾病稳定</translation>
    </message>
    <message>
      <source>Responding</source>
      <translation>治疗有效</translation>
    </message>
    <message>
      <source>Progression</source>
      <translation>疾病进展</translation>
    </message>
    <message>
      <source>Recurrence</source>
      <translation>复发</translation>
    </message>
    <message>
      <source>Routine</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>加急</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Resident physician</source>
      <translation>住院医师</translation>
    </message>
    <message>
      <source>Attending physician</source>
      <translation>主治医师</translation>
    </message>
    <message>
      <source>Associate chief physician</source>
      <translation>副主任医师</translation>
    </message>
    <message>
      <source>Chief physician</source>
      <translation>主任医师</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation>护士</translation>
    </message>
    <message>
      <source>Nurse-in-charge</source>
      <translation>主管护师</translation>
    </message>
    <message>
      <source>Pharmacist</source>
      <translation>药师</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划中</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Core member</source>
      <translation>核心成员</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>特邀专家</translation>
    </message>
    <message>
      <source>Surgery</source>
      <translation>手术</translation>
    </message>
    <message>
      <source>Radiotherapy</source>
      <translation>放疗</translation>
    </message>
    <message>
      <source>Chemotherapy</source>
      <translation>化疗</translation>
    </message>
    <message>
      <source>Targeted therapy</source>
      <translation>靶向治疗</translation>
    </message>
    <message>
      <source>Immunotherapy</source>
      <translation>免疫治疗</translation>
    </message>
    <message>
      <source>Endocrine therapy</source>
      <translation>内分泌治疗</translation>
    </message>
    <message>
      <source>Interventional therapy</source>
      <translation>介入治疗</translation>
    </message>
    <message>
      <source>Traditional Chinese medicine</source>
      <translation>中医药治疗</translation>
    </message>
    <message>
      <source>Best supportive care</source>
      <translation>最佳支持治疗</translation>
    </message>
    <message>
      <source>Observation</source>
      <translation>观察随访</translation>
    </message>
    <message>
      <source>Clinical trial</source>
      <translation>临床试验</translation>
    </message>
    <message>
      <source>Further work-up</source>
      <translation>进一步检查</translation>
    </message>
    <message>
      <source>Curative</source>
      <translation>根治性</translation>
    </message>
    <message>
      <source>Palliative</source>
      <translation>姑息性</translation>
    </message>
  </context>
</TS>