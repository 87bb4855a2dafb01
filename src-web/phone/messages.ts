/**
 * Every string of the phone receipt page (手机端收据拍照), in zh-CN and English. The page speaks Chinese unless
 * the phone's language is not Chinese; it has no language switch (one screen, one job).
 */
const zhCN = {
  title: '上传盖章收据',
  loading: '正在核对二维码…',
  enterprise: '企业',
  item: '事项',
  receiptNumber: '收据编号',
  amount: '金额',
  expiresAt: '二维码有效至 {time}',
  instruction: '请确保将拍照框与收据虚线裁剪框对齐',
  cameraStarting: '正在打开摄像头…',
  capture: '拍照',
  retake: '重拍',
  upload: '上传',
  uploading: '正在上传… {percent}%',
  previewAlt: '收据照片预览',
  previewHint: '请确认照片清晰、收据完整、印章可辨认。',
  success: '上传成功，请在电脑端核对并确认提交',
  successDetail: '收据编号 {number}。此二维码已失效，可以关闭本页面。',
  noCamera: '无法打开摄像头',
  noCameraHint: '请允许浏览器使用摄像头后点击“重新打开摄像头”，或点击下方按钮拍照或选择收据照片。',
  cameraAgain: '重新打开摄像头',
  choosePicture: '拍照或选择照片',
  useFileInstead: '无法拍照？改为选择照片',
  fileHint: '请拍摄收据虚线裁剪框以内的部分，照片将按裁剪框比例居中裁剪。',
  chooseAgain: '重新选择照片',
  notAnImage: '无法读取所选文件，请选择一张照片。',
  tooLarge: '照片过大（超过 10 MB），请重拍。',
  failed: '操作未成功',
  retry: '重试',
  noToken: '链接不完整',
  noTokenHint: '请使用手机扫描电脑端显示的二维码打开本页面。',
  errorCode: '错误代码：{code}',
  requestId: '请求编号：{id}',
};

export type PhoneMessageKey = keyof typeof zhCN;

const en: Record<PhoneMessageKey, string> = {
  title: 'Upload the stamped receipt',
  loading: 'Checking the QR code…',
  enterprise: 'Enterprise',
  item: 'Item',
  receiptNumber: 'Receipt number',
  amount: 'Amount',
  expiresAt: 'The QR code is valid until {time}',
  instruction: 'Line the camera frame up with the dashed crop frame on the receipt',
  cameraStarting: 'Opening the camera…',
  capture: 'Take photo',
  retake: 'Retake',
  upload: 'Upload',
  uploading: 'Uploading… {percent}%',
  previewAlt: 'Preview of the receipt photo',
  previewHint: 'Check that the photo is sharp, the whole receipt is in it and the stamp can be read.',
  success: 'Uploaded. Check it on the PC and confirm the submission there',
  successDetail: 'Receipt number {number}. This QR code is now spent; you can close this page.',
  noCamera: 'The camera cannot be opened',
  noCameraHint: 'Allow the browser to use the camera and tap “Open the camera again”, or use the button below to take or choose a photo of the receipt.',
  cameraAgain: 'Open the camera again',
  choosePicture: 'Take or choose a photo',
  useFileInstead: 'Camera not working? Choose a photo instead',
  fileHint: 'Photograph the receipt within its dashed crop frame; the photo is cropped to the frame\u2019s proportions around its centre.',
  chooseAgain: 'Choose another photo',
  notAnImage: 'The chosen file cannot be read; choose a photo.',
  tooLarge: 'The photo is too large (over 10 MB); take it again.',
  failed: 'That did not work',
  retry: 'Try again',
  noToken: 'The link is incomplete',
  noTokenHint: 'Open this page by scanning the QR code shown on the PC with your phone.',
  errorCode: 'Error code: {code}',
  requestId: 'Request id: {id}',
};

export type PhoneLang = 'zh-CN' | 'en';
export const phoneCatalogs: Record<PhoneLang, Record<PhoneMessageKey, string>> = { 'zh-CN': zhCN, en };

/** Chinese unless the phone says it prefers another language. */
export function phoneLang(languages: readonly string[]): PhoneLang {
  const first = languages[0]?.toLowerCase() ?? 'zh';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export function phoneText(lang: PhoneLang, key: PhoneMessageKey, vars: Record<string, string | number> = {}): string {
  const table = lang === 'en' ? en : zhCN;
  return table[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
