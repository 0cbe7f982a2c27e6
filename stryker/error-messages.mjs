/**
 * A Stryker ignorer (issue 14): the wording of an error's message is not behaviour a test should pin,
 * so string mutants inside `new WritError(code, message, …)`, `new Error(message)` and the error
 * helpers are left out. The error's code, field and whether it is thrown at all stay mutated: those
 * are what clients and the HTTP error table rely on.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const errorConstructors = new Set(['WritError', 'Error', 'TypeError', 'RangeError']);
const errorHelpers = new Set(['notFound']);

/** The message argument of an error: a string or template literal, the second argument of WritError. */
function isErrorMessage(path) {
  const node = path.node;
  if (node.type !== 'StringLiteral' && node.type !== 'TemplateLiteral') return false;
  // Climb through string concatenation and template parts to the argument itself.
  let argument = path;
  while (
    argument.parentPath &&
    (argument.parentPath.node.type === 'BinaryExpression' || argument.parentPath.node.type === 'TemplateLiteral')
  )
    argument = argument.parentPath;
  const call = argument.parentPath?.node;
  if (!call || (call.type !== 'NewExpression' && call.type !== 'CallExpression')) return false;
  const callee = call.callee.type === 'Identifier' ? call.callee.name : null;
  if (callee === null) return false;
  const index = call.arguments.indexOf(argument.node);
  if (callee === 'WritError') return index === 1;
  if (errorConstructors.has(callee)) return index === 0;
  return errorHelpers.has(callee) && index >= 0;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'error-messages', {
    shouldIgnore(path) {
      return isErrorMessage(path)
        ? "An error message's wording: clients match the error's code and field, not its text"
        : undefined;
    },
  }),
];
