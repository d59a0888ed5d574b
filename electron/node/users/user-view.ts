import { userTypeLabel, type ZoomUserView } from '../../../shared/domain/users';
import { describeLoginTypes } from './eligibility';
import type { ZoomUser } from './zoom-user';

/** A Zoom user as the renderer and zpa show it: the type and sign-in methods in words too. */
export function toUserView(user: ZoomUser): ZoomUserView {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    type: user.type,
    typeLabel: userTypeLabel(user.type),
    status: user.status,
    roleName: user.roleName,
    roleId: user.roleId,
    loginTypes: user.loginTypes,
    loginMethods: describeLoginTypes(user.loginTypes),
  };
}
