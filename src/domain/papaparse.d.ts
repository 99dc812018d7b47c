// Papa Parse's browser build: the same library as 'papaparse', without the Node stream support
// that needs Node's "stream" module (Apps Script has none, and the bundle must not ask for it).
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
