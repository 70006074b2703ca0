// The registration pages, for the router: /registration (coordinators) and /application (schools).
export { RegistrationPage } from './RegistrationPage';
export { ApplicationPage } from './ApplicationPage';
