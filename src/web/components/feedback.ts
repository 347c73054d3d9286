import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, errorMessage } from '../app/api-client';

/**
 * Shows a failed request's message; when the server named fields, the
 * messages also appear under those fields of `form`.
 */
export function useShowError() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && error instanceof ApiError) {
        // A nested path such as "dutyRoles.0" marks its top-level field; names
        // without a form item are ignored by antd.
        const problems = error.fieldProblems;
        if (problems.length > 0) {
          form.setFields(problems.map((problem) => ({ name: problem.field.split('.')[0] ?? problem.field, errors: [problem.message] })));
        }
      }
      // Session errors lead to another page, which explains itself.
      if (error instanceof ApiError && (error.code === 'NOT_AUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED')) return;
      void message.error(errorMessage(error), 5);
    },
    [message],
  );
}
