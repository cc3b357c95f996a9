// Where the pages find the API. '' = the same origin (the standalone host serves both). For static hosting in Azure,
// set apiBase to the API's address on the same site (e.g. https://api.nscl.example.gov.vn) and officerSignIn to
// 'appservice' (App Service Authentication, Entra ID). See README, "Web pages".
export const config = Object.freeze({
  apiBase: '',
  officerSignIn: 'development',
});
