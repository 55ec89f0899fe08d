/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ImportOrganizations($input: ImportOrganizationsInput!) {\n  importOrganizations(input: $input) {\n    fileName\n    format\n    encoding\n    delimiter\n    sheet\n    headerRow\n    rows\n    created\n    updated\n    unchanged\n    refused\n    refusedRows\n    problems {\n      row\n      column\n      header\n      field\n      message\n    }\n    problemsOmitted\n    columns {\n      column\n      header\n      recognised\n      field\n      label\n      note\n    }\n    dryRun\n    written\n    summary\n  }\n}": typeof types.ImportOrganizationsDocument,
    "query PortalOrganizations($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {\n  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        legalForm\n        siret\n        employees\n        stage\n        esus\n        sector {\n          code\n          name\n        }\n        commune {\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PartnersForSituation($situation: PartnerSupportQuery!) {\n  partners(first: 100, filter: {canSupport: $situation}) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        kind\n        fundingSchemes {\n          name\n          kind\n          minAmount\n          maxAmount\n        }\n      }\n    }\n  }\n}\n\nquery Me {\n  viewer {\n    isAuthenticated\n    permissions\n    person {\n      name\n      memberships {\n        role\n        partner {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation RegisterOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    stage\n    commune {\n      name\n    }\n  }\n}\n\nsubscription PartnerChanged($id: ID) {\n  partnerChanged(id: $id) {\n    id\n    name\n    updatedAt\n  }\n}": typeof types.PortalOrganizationsDocument,
};
const documents: Documents = {
    "mutation ImportOrganizations($input: ImportOrganizationsInput!) {\n  importOrganizations(input: $input) {\n    fileName\n    format\n    encoding\n    delimiter\n    sheet\n    headerRow\n    rows\n    created\n    updated\n    unchanged\n    refused\n    refusedRows\n    problems {\n      row\n      column\n      header\n      field\n      message\n    }\n    problemsOmitted\n    columns {\n      column\n      header\n      recognised\n      field\n      label\n      note\n    }\n    dryRun\n    written\n    summary\n  }\n}": types.ImportOrganizationsDocument,
    "query PortalOrganizations($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {\n  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        legalForm\n        siret\n        employees\n        stage\n        esus\n        sector {\n          code\n          name\n        }\n        commune {\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PartnersForSituation($situation: PartnerSupportQuery!) {\n  partners(first: 100, filter: {canSupport: $situation}) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        kind\n        fundingSchemes {\n          name\n          kind\n          minAmount\n          maxAmount\n        }\n      }\n    }\n  }\n}\n\nquery Me {\n  viewer {\n    isAuthenticated\n    permissions\n    person {\n      name\n      memberships {\n        role\n        partner {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation RegisterOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    stage\n    commune {\n      name\n    }\n  }\n}\n\nsubscription PartnerChanged($id: ID) {\n  partnerChanged(id: $id) {\n    id\n    name\n    updatedAt\n  }\n}": types.PortalOrganizationsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportOrganizations($input: ImportOrganizationsInput!) {\n  importOrganizations(input: $input) {\n    fileName\n    format\n    encoding\n    delimiter\n    sheet\n    headerRow\n    rows\n    created\n    updated\n    unchanged\n    refused\n    refusedRows\n    problems {\n      row\n      column\n      header\n      field\n      message\n    }\n    problemsOmitted\n    columns {\n      column\n      header\n      recognised\n      field\n      label\n      note\n    }\n    dryRun\n    written\n    summary\n  }\n}"): (typeof documents)["mutation ImportOrganizations($input: ImportOrganizationsInput!) {\n  importOrganizations(input: $input) {\n    fileName\n    format\n    encoding\n    delimiter\n    sheet\n    headerRow\n    rows\n    created\n    updated\n    unchanged\n    refused\n    refusedRows\n    problems {\n      row\n      column\n      header\n      field\n      message\n    }\n    problemsOmitted\n    columns {\n      column\n      header\n      recognised\n      field\n      label\n      note\n    }\n    dryRun\n    written\n    summary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PortalOrganizations($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {\n  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        legalForm\n        siret\n        employees\n        stage\n        esus\n        sector {\n          code\n          name\n        }\n        commune {\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PartnersForSituation($situation: PartnerSupportQuery!) {\n  partners(first: 100, filter: {canSupport: $situation}) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        kind\n        fundingSchemes {\n          name\n          kind\n          minAmount\n          maxAmount\n        }\n      }\n    }\n  }\n}\n\nquery Me {\n  viewer {\n    isAuthenticated\n    permissions\n    person {\n      name\n      memberships {\n        role\n        partner {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation RegisterOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    stage\n    commune {\n      name\n    }\n  }\n}\n\nsubscription PartnerChanged($id: ID) {\n  partnerChanged(id: $id) {\n    id\n    name\n    updatedAt\n  }\n}"): (typeof documents)["query PortalOrganizations($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {\n  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        legalForm\n        siret\n        employees\n        stage\n        esus\n        sector {\n          code\n          name\n        }\n        commune {\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PartnersForSituation($situation: PartnerSupportQuery!) {\n  partners(first: 100, filter: {canSupport: $situation}) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        kind\n        fundingSchemes {\n          name\n          kind\n          minAmount\n          maxAmount\n        }\n      }\n    }\n  }\n}\n\nquery Me {\n  viewer {\n    isAuthenticated\n    permissions\n    person {\n      name\n      memberships {\n        role\n        partner {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation RegisterOrganization($input: CreateOrganizationInput!) {\n  createOrganization(input: $input) {\n    id\n    name\n    stage\n    commune {\n      name\n    }\n  }\n}\n\nsubscription PartnerChanged($id: ID) {\n  partnerChanged(id: $id) {\n    id\n    name\n    updatedAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;