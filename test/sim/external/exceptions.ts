/**
 * Moodle's exceptions as the REST server renders them: `exception` is the PHP class name (namespaced for core
 * exceptions since Moodle 4.2, not for webservice_access_exception or the dml ones), `errorcode` the language
 * string id, `message` the English string, `debuginfo` only sent when the site has debugging on.
 */
export interface RenderedException {
  exceptionClass: string;
  errorcode: string;
  message: string;
  debuginfo: string | null;
}

export class MoodleException extends Error {
  constructor(
    readonly exceptionClass: string,
    readonly errorcode: string,
    message: string,
    readonly debuginfo: string | null = null,
  ) {
    super(message);
  }

  /** Some exceptions read differently with debugging on (dml_missing_record_exception). */
  render(_debug: boolean): RenderedException {
    return { exceptionClass: this.exceptionClass, errorcode: this.errorcode, message: this.message, debuginfo: this.debuginfo };
  }
}

const CORE = 'core\\exception\\';

/** `new moodle_exception($errorcode, $module, $link, $a, $debuginfo)` with the English string already resolved. */
export function moodleException(errorcode: string, message: string, debuginfo: string | null = null): MoodleException {
  return new MoodleException(`${CORE}moodle_exception`, errorcode, message, debuginfo);
}

/**
 * A moodle_exception whose error code has no language string: Moodle then uses `module/errorcode` as the
 * message (the weak-password error and local_shop's "WS Not available in this distribution").
 */
export function moodleExceptionWithoutString(errorcode: string, module = 'error'): MoodleException {
  return moodleException(errorcode, `${module}/${errorcode}`);
}

export function invalidParameter(debuginfo: string): MoodleException {
  return new MoodleException(`${CORE}invalid_parameter_exception`, 'invalidparameter', 'Invalid parameter value detected', debuginfo);
}

export function isInvalidParameter(error: unknown): error is MoodleException {
  return error instanceof MoodleException && error.errorcode === 'invalidparameter';
}

export function requiredCapability(capabilityName: string): MoodleException {
  return new MoodleException(
    `${CORE}required_capability_exception`,
    'nopermissions',
    `Sorry, but you do not currently have permissions to do that (${capabilityName}).`,
  );
}

export function requireLoginException(debuginfo: string): MoodleException {
  return new MoodleException(`${CORE}require_login_exception`, 'requireloginerror', 'Course or activity not accessible.', debuginfo);
}

export function codingException(hint: string, debuginfo: string | null = null): MoodleException {
  return new MoodleException(
    `${CORE}coding_exception`,
    'codingerror',
    `Coding error detected, it must be fixed by a programmer: ${hint}`,
    debuginfo,
  );
}

export function webserviceAccessException(debuginfo: string): MoodleException {
  return new MoodleException('webservice_access_exception', 'accessexception', 'Access control exception', debuginfo);
}

export function dmlWriteException(debuginfo: string): MoodleException {
  return new MoodleException('dml_write_exception', 'dmlwriteexception', 'Error writing to database', debuginfo);
}

export function invalidResponse(debuginfo: string): MoodleException {
  return new MoodleException(`${CORE}invalid_response_exception`, 'invalidresponse', 'Invalid response value detected', debuginfo);
}

/** PHP's var_export of a list, as dml exceptions print their parameters. */
function varExport(params: readonly (string | number)[]): string {
  const lines = params.map(
    (p, i) => `  ${i} => ${typeof p === 'number' ? String(p) : `'${p.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`},`,
  );
  return `array (\n${lines.map((l) => `${l}\n`).join('')})`;
}

/**
 * dml_missing_record_exception. With debugging off Moodle hides the table (`invalidrecordunknown`); with it on
 * the code names the table (`invaliduser`, `invalidrecord`...) and debuginfo carries the SQL: README fact 2.
 */
export class MissingRecordException extends MoodleException {
  constructor(
    readonly table: string,
    readonly sql: string,
    readonly params: readonly (string | number)[],
  ) {
    super('dml_missing_record_exception', 'invalidrecordunknown', "Can't find data record in database.");
  }

  override render(debug: boolean): RenderedException {
    if (!debug) return super.render(false);
    const debuginfo = `${this.sql}\n[${varExport(this.params)}]`;
    if (this.table === 'user') return { exceptionClass: this.exceptionClass, errorcode: 'invaliduser', message: 'Invalid user', debuginfo };
    if (this.table === 'course_modules') {
      return { exceptionClass: this.exceptionClass, errorcode: 'invalidcoursemodule', message: 'Invalid course module ID', debuginfo };
    }
    return {
      exceptionClass: this.exceptionClass,
      errorcode: 'invalidrecord',
      message: `Can't find data record in database table ${this.table}.`,
      debuginfo,
    };
  }
}
