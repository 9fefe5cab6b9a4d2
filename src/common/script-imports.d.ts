/** A content script imported as a file name for scripting.executeScript (@crxjs/vite-plugin builds it as one IIFE file). */
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}
