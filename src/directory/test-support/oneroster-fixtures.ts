/**
 * Small OneRoster 1.1 CSV bundles for tests, written by hand after the specification's tables:
 * one school (Elm Academy) inside a trust, three pupils in two forms, a teacher and a guardian.
 */
export const elmSchoolName = "Elm Academy";
export const teacherEmail = "m.jones@elm.example";

const usersHeader =
  "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

/** users.csv rows by sourcedId, so a test can leave one out or change one. */
export const elmUsers: Record<string, string> = {
  "stu-1":
    'stu-1,,,true,org-elm,student,jsmith,"{LDAP:jsmith},{Google:j.smith@elm.example}",John,Smith,,UPN1,,,,,07,',
  "stu-2": "stu-2,,,true,org-elm,student,apatel,{LDAP:apatel},Asha,Patel,,UPN2,,,,,08,",
  "stu-3": "stu-3,,,true,org-elm,student,lwong,,Lee,Wong,,UPN3,,,,,07,",
  "tea-1": `tea-1,,,true,org-elm,teacher,mjones,,Mary,Jones,,,${teacherEmail},,,,,`,
  "par-1": "par-1,,,true,org-elm,guardian,,,Pat,Smith,,,pat@home.example,,,stu-1,,",
};

const enrolmentRows: Record<string, string> = {
  "stu-1": "enr-1,,,cls-7a,org-elm,stu-1,student,,2025-09-03,",
  "stu-2": "enr-2,,,cls-8b,org-elm,stu-2,student,,2024-09-04,",
  "stu-3": "enr-3,,,cls-7a,org-elm,stu-3,student,,2025-09-03,",
  "tea-1": "enr-4,,,cls-7a,org-elm,tea-1,teacher,true,2025-09-01,",
};

/** A bundle of Elm Academy; `users` replaces or adds users.csv rows (undefined removes one). */
export function elmBundle(
  options: {
    users?: Record<string, string | undefined>;
    enrolments?: Record<string, string | undefined>;
    delta?: boolean;
  } = {},
): Record<string, string> {
  const users = definedValues({ ...elmUsers, ...options.users });
  const enrolments = definedValues({ ...enrolmentRows, ...options.enrolments });
  const mode = options.delta ? "delta" : "bulk";
  return {
    "manifest.csv": [
      "propertyName,value",
      "manifest.version,1.0",
      "oneroster.version,1.1",
      "file.academicSessions,absent",
      "file.orgs,bulk",
      `file.users,${mode}`,
      "file.classes,bulk",
      "file.enrollments,bulk",
      "source.systemName,Hand-written test MIS",
      "",
    ].join("\n"),
    "orgs.csv": [
      "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
      "org-trust,,,Elm Trust,district,,",
      `org-elm,,,${elmSchoolName},school,URN100001,org-trust`,
      "",
    ].join("\n"),
    "users.csv": [usersHeader, ...users, ""].join("\n"),
    "classes.csv": [
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
      "cls-7a,,,7A,07,crs-reg,7A,homeroom,,org-elm,term-1,,,",
      "cls-8b,,,8B,08,crs-reg,8B,homeroom,,org-elm,term-1,,,",
      "cls-ma,,,Maths 7,07,crs-ma,MA7,scheduled,,org-elm,term-1,Maths,,",
      "",
    ].join("\n"),
    "enrollments.csv": [
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
      ...enrolments,
      "",
    ].join("\n"),
  };
}

function definedValues(record: Record<string, string | undefined>): string[] {
  return Object.values(record).filter((value): value is string => value !== undefined);
}

/** A simple pupil CSV with the given rows after the header. */
export function simplePupilCsv(rows: readonly string[]): string {
  return ["username,given_name,family_name,year_group,form,sen,eal,date_joined,email", ...rows, ""].join(
    "\n",
  );
}
