import pkg from '../../package.json';

/** The app's version, from package.json (inlined by the bundler in packaged builds). */
export const APP_VERSION: string = pkg.version;
