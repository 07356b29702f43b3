/** The app's version from package.json, fixed at build time; every backup records it. */
export { version as APP_VERSION } from '../../../package.json';
