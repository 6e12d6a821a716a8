-- expect: file is only `,,,`: no statement at all
,,,
