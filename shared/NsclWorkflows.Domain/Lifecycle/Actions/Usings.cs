// Project-wide (global) usings of the domain namespaces every lifecycle action file needs, written once.
global using NsclWorkflows.Domain.Applications;
global using NsclWorkflows.Domain.Budget;
global using NsclWorkflows.Domain.Catalogue;
global using NsclWorkflows.Domain.Notifications;
global using NsclWorkflows.Domain.Validation;
global using FluentValidation;
